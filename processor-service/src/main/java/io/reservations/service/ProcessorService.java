package io.reservations.service;

import io.reservations.api.ReservationsApplication;
import org.springframework.boot.SpringApplication;

/**
 * The processor as a cluster runs it: it masters some partitions of the Kafka cluster that
 * {@code KAFKA_BOOTSTRAP_SERVERS} names and serves the REST edge of {@code command-api} in the same process, so it
 * answers reads of what it masters (and commands too, unless {@code reservations.api.enabled=false}). An API-only
 * instance runs {@code command-api.jar}; the one-process local service, with a broker of its own, is
 * {@code local-service}.
 */
public final class ProcessorService {

    private ProcessorService() {
    }

    /** The Spring sources of the processor service: the REST edge, and the processor. */
    public static Class<?>[] sources() {
        return new Class<?>[] {ReservationsApplication.class, ProcessorConfiguration.class};
    }

    public static void main(final String[] args) {
        SpringApplication.run(sources(), args);
    }
}
