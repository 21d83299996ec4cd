package io.reservations.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The service as a cluster runs it: REST API and stream processor in one process by default (either can be switched
 * off), joining the Kafka cluster {@code KAFKA_BOOTSTRAP_SERVERS} names. The one-process local service, with a broker
 * of its own, is module {@code local-service}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReservationsApplication {

    public static void main(final String[] args) {
        SpringApplication.run(ReservationsApplication.class, args);
    }
}
