package io.reservations.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.kafka.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code KAFKA_BOOTSTRAP_SERVERS=host:9092 ./run.sh}: the local service joins that cluster and starts no broker of its
 * own (that it starts one when none is named, LocalServiceRestartIT shows).
 */
class LocalBrokerConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LocalBrokerConfiguration.class);

    @Test
    void shouldStartNoBrokerWhenAClusterIsNamed() {
        context.withPropertyValues("reservations.kafka.bootstrap-servers=kafka-1:9092")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(EmbeddedBroker.class));
    }
}
