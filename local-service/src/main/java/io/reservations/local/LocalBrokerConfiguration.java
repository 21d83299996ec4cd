package io.reservations.local;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.kafka.EmbeddedBroker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local service's own broker, under the data directory, when no cluster is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${reservations.kafka.bootstrap-servers:}'.isBlank()")
public class LocalBrokerConfiguration {

    /** Stopped by the {@code KafkaConnection} that uses it, after every client closed (hence no destroy method). */
    @Bean(destroyMethod = "")
    EmbeddedBroker localKafkaBroker(final ReservationsProperties properties) {
        return LocalKafkaBroker.start(properties.dataDir().resolve("kafka"), properties.kafka().localPort());
    }
}
