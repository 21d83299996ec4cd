package io.reservations.local;

import io.reservations.api.ReservationsApplication;
import org.springframework.boot.SpringApplication;

/**
 * The one-process local service ({@code ./run.sh}): the service of {@code command-api} with a single-node KRaft
 * broker of its own under {@code ./data}, unless {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster to join.
 */
public final class LocalService {

    private LocalService() {
    }

    /** The Spring sources of the local service: the service, and its broker. */
    public static Class<?>[] sources() {
        return new Class<?>[] {ReservationsApplication.class, LocalBrokerConfiguration.class};
    }

    public static void main(final String[] args) {
        SpringApplication.run(sources(), args);
    }
}
