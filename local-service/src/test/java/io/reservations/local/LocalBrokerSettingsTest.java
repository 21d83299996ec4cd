package io.reservations.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local broker's settings: sized to this JVM's cores, then the caller's overrides, then the operator's. */
class LocalBrokerSettingsTest {

    private static final String IO_THREADS = LocalBrokerSettings.SYSTEM_PROPERTY_PREFIX + "num.io.threads";

    @AfterEach
    void clearSystemProperty() {
        System.clearProperty(IO_THREADS);
    }

    @Test
    void shouldSizeTheRequestThreadsToTheCoresItShares() {
        final int cores = Runtime.getRuntime().availableProcessors();

        final Properties config = LocalBrokerSettings.of(Path.of("/tmp/broker"), 9092, Map.of());

        assertThat(config.getProperty("num.io.threads")).isEqualTo(String.valueOf(Math.max(2, cores)));
        assertThat(config.getProperty("num.network.threads")).isEqualTo(String.valueOf(Math.max(1, cores / 4)));
        assertThat(config.getProperty("listeners")).contains("PLAINTEXT://localhost:9092", "CONTROLLER://localhost:9093");
    }

    @Test
    void shouldLetTheCallerAndThenTheOperatorOverrideAnySetting() {
        final Properties fromCaller = LocalBrokerSettings.of(Path.of("/tmp/broker"), 9092, Map.of("num.io.threads", "3"));
        System.setProperty(IO_THREADS, "5");
        final Properties fromOperator = LocalBrokerSettings.of(Path.of("/tmp/broker"), 9092, Map.of("num.io.threads", "3"));

        assertThat(fromCaller.getProperty("num.io.threads")).isEqualTo("3");
        assertThat(fromOperator.getProperty("num.io.threads")).isEqualTo("5");
    }
}
