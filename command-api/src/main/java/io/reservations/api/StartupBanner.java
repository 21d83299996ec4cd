package io.reservations.api;

import io.reservations.api.kafka.KafkaConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where everything is. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final ReservationsProperties properties;
    private final KafkaConnection kafka;
    private final int port;

    StartupBanner(final ReservationsProperties properties, final KafkaConnection kafka,
                  @Value("${server.port:8080}") final int port) {
        this.properties = properties;
        this.kafka = kafka;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        LOG.info("""

                ==== Reservations service ready ====
                  API        http://localhost:{}   (commands: {})
                  Processor  {}
                  Kafka      {}{}
                  Data       {}
                  Stop with Ctrl-C""",
                port, properties.api().enabled() ? "on" : "off",
                properties.processor().enabled() ? "running, stores in " + properties.dataDir().resolve("streams").toAbsolutePath() : "off",
                kafka.bootstrapServers(), kafka.local() ? " (local broker)" : "",
                properties.dataDir().toAbsolutePath());
    }
}
