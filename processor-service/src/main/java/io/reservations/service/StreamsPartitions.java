package io.reservations.service;

import io.reservations.api.query.LocalPartitions;
import io.reservations.processor.StreamProcessor;
import io.reservations.processor.query.StoreQueries;
import io.reservations.queries.EntityQueries;
import io.reservations.queries.PartitionUnavailable;
import io.reservations.queries.Routing;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** The reads' view of this process's stream processor: Kafka Streams' key metadata and interactive queries. */
final class StreamsPartitions implements LocalPartitions {

    private final StreamProcessor processor;

    StreamsPartitions(final StreamProcessor processor) {
        this.processor = processor;
    }

    @Override
    public Optional<PartitionOwner> ownerOf(final Routing routing, final String key) {
        return ownerOf(routing, (streams, store) -> streams.queryMetadataForKey(store, key,
                Serdes.String().serializer()));
    }

    @Override
    public Optional<PartitionOwner> ownerOf(final Routing routing, final int partition) {
        final StreamPartitioner<String, Object> thatPartition = (topic, key, value, partitions) ->
                Optional.of(Set.of(partition));
        return ownerOf(routing, (streams, store) -> streams.queryMetadataForKey(store, "", thatPartition));
    }

    /** {@code StoreQueries} tells a partition that cannot be read here by {@link PartitionUnavailable}. */
    @Override
    public <T> T read(final int partition, final Function<EntityQueries, T> lookup) {
        return lookup.apply(processor.queries(partition));
    }

    private Optional<PartitionOwner> ownerOf(final Routing routing, final Locator locate) {
        final String store = StoreQueries.routingStore(routing);
        final KafkaStreams streams = processor.holding(store);
        final KeyQueryMetadata owner;
        try {
            owner = locate.apply(streams, store);
        } catch (final IllegalStateException | StreamsException e) {
            throw new PartitionUnavailable("The processor is " + streams.state() + "; retry shortly", e);
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(new PartitionOwner(new Peer(owner.activeHost().host(), owner.activeHost().port()),
                owner.partition()));
    }

    /** Where one key or partition of a store lives, by the key metadata of the application holding it. */
    private interface Locator {
        KeyQueryMetadata apply(KafkaStreams streams, String store);
    }
}
