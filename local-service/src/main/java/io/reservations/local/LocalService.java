package io.reservations.local;

import io.reservations.service.ProcessorService;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;

/**
 * The one-process local service ({@code ./run.sh}): the processor service (processor and REST edge) with a single-node KRaft
 * broker of its own under {@code ./data}, unless {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster to join, and the
 * auditor.
 */
public final class LocalService {

    private LocalService() {
    }

    /** The Spring sources of the local service: the processor service, its broker and the auditor. */
    public static Class<?>[] sources() {
        final Class<?>[] service = ProcessorService.sources();
        final Class<?>[] sources = Arrays.copyOf(service, service.length + 2);
        sources[service.length] = LocalBrokerConfiguration.class;
        sources[service.length + 1] = AuditorConfiguration.class;
        return sources;
    }

    public static void main(final String[] args) {
        SpringApplication.run(sources(), args);
    }
}
