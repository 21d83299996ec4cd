package io.reservations.api.query;

import io.reservations.queries.EntityQueries;
import io.reservations.queries.PartitionUnavailable;
import io.reservations.queries.Routing;
import java.util.Optional;
import java.util.function.Function;

/**
 * The processor running in this process, as the reads see it: which instance holds a key's partition, and the
 * queries of a partition held here. An API-only instance has none: its reads go to a processor instance.
 */
public interface LocalPartitions {

    /**
     * The instance that answers for {@code key} routed so; empty while partitions are being assigned.
     * {@link PartitionUnavailable} while the processor cannot tell (starting, shutting down, failed).
     */
    Optional<PartitionOwner> ownerOf(Routing routing, String key);

    /** As {@link #ownerOf(Routing, String)}, for partition {@code partition} of the stores routed so. */
    Optional<PartitionOwner> ownerOf(Routing routing, int partition);

    /**
     * {@code lookup} over partition {@code partition}, held here; {@link PartitionUnavailable} when its stores are
     * being restored or moved.
     */
    <T> T read(int partition, Function<EntityQueries, T> lookup);

    /** An instance by the address it serves HTTP on. */
    record Peer(String host, int port) {
    }

    /** Which instance holds a partition as its active task, and which partition that is. */
    record PartitionOwner(Peer peer, int partition) {
    }
}
