package io.reservations.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The service: REST API and stream processor in one process by default (either can be switched off), with a
 * local single-node Kafka broker under {@code ./data} unless {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReservationsApplication {

    public static void main(final String[] args) {
        SpringApplication.run(ReservationsApplication.class, args);
    }
}
