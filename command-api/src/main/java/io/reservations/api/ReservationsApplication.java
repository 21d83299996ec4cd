package io.reservations.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The REST edge as a cluster runs it ({@code command-api.jar}): commands published to the Kafka cluster that
 * {@code KAFKA_BOOTSTRAP_SERVERS} names, reads passed to a processor instance ({@code reservations.api.read-from}).
 * It carries no processor: {@code processor-service} adds one (and its reads) to these sources, and
 * {@code local-service} adds a broker to that.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReservationsApplication {

    public static void main(final String[] args) {
        SpringApplication.run(ReservationsApplication.class, args);
    }
}
