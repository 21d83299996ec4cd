package io.reservations.api.query;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.contract.ErrorCode;
import io.reservations.processor.StreamProcessor;
import io.reservations.processor.query.EntityQueries;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Reads an entity from the store of the processor that masters it: here when this instance owns the key,
 * otherwise through one HTTP hop to the owner (Kafka Streams interactive queries). While partitions move, the
 * answer is 503 with Retry-After, never a stale or a wrong one.
 */
@Component
public class EntityReader {

    /** Marks a read already routed once, so a disagreement about ownership cannot loop. */
    public static final String ROUTED_HEADER = "X-Reservations-Routed";

    private final ObjectProvider<StreamProcessor> processor;
    private final HostInfo self;
    private final ReadForwarding forwarding;

    public EntityReader(final ObjectProvider<StreamProcessor> processor, final ReservationsProperties properties,
                        final ReadForwarding forwarding, @Value("${server.port:8080}") final int port) {
        this.processor = processor;
        this.self = new HostInfo(properties.processor().advertisedHost(), port);
        this.forwarding = forwarding;
    }

    /**
     * @param lookup   the entity as this caller may see it, read from the partition's queries; empty when it does
     *                 not exist or this caller may not see it
     * @param notFound the answer when the lookup is empty
     */
    public <T> ResponseEntity<?> read(final ReadRequest request, final String id,
                                      final Function<EntityQueries, Optional<T>> lookup, final NotFound notFound) {
        return read(request, EntityQueries.ROUTING_STORE, id, lookup, notFound);
    }

    /** As {@link #read(ReadRequest, String, Function, NotFound)}, routed by another store's keys. */
    public <T> ResponseEntity<?> read(final ReadRequest request, final String routingStore, final String id,
                                      final Function<EntityQueries, Optional<T>> lookup, final NotFound notFound) {
        return read(request, routingStore, streams -> streams.queryMetadataForKey(routingStore, id,
                Serdes.String().serializer()), lookup, notFound);
    }

    /** As above, from one partition of {@code store}, whatever the key: a listing that walks the partitions. */
    public <T> ResponseEntity<?> readPartition(final ReadRequest request, final String store, final int partition,
                                               final Function<EntityQueries, Optional<T>> lookup) {
        final StreamPartitioner<String, Object> thatPartition = (topic, key, value, partitions) ->
                Optional.of(Set.of(partition));
        return read(request, store, streams -> streams.queryMetadataForKey(store, "", thatPartition), lookup,
                new NotFound(ErrorCode.INTERNAL, "A partition always answers"));
    }

    private <T> ResponseEntity<?> read(final ReadRequest request, final String routingStore,
                                       final Function<KafkaStreams, KeyQueryMetadata> locate,
                                       final Function<EntityQueries, Optional<T>> lookup, final NotFound notFound) {
        final StreamProcessor local = processor.getIfAvailable();
        if (local == null) {
            return forwarding.toAnyProcessor(request.pathAndQuery(), request.authorization());
        }
        final KafkaStreams streams = local.holding(routingStore);
        final KeyQueryMetadata owner;
        try {
            owner = locate.apply(streams);
        } catch (final IllegalStateException | StreamsException e) {
            // not started yet, shutting down, or failed: nobody here can answer for now
            throw ApiException.unavailable("The processor is " + streams.state() + "; retry shortly");
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw ApiException.unavailable("Partitions are being assigned; retry shortly");
        }
        if (!owner.activeHost().equals(self)) {
            if (request.routed()) {
                throw ApiException.unavailable("Partition ownership is moving; retry shortly");
            }
            return forwarding.toOwner(owner.activeHost(), request.pathAndQuery(), request.authorization());
        }
        final Optional<T> visible;
        try {
            visible = lookup.apply(new EntityQueries(local.shardMasters(), local.readModels(), owner.partition(),
                    local.ownerIndexSync()));
        } catch (final InvalidStateStoreException | IllegalStateException e) {
            throw ApiException.unavailable("The store is being restored or moved; retry shortly");
        }
        return visible.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, notFound.code().slug(), notFound.detail()));
    }
}
