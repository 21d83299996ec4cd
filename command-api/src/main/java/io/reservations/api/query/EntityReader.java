package io.reservations.api.query;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.LocalPartitions.PartitionOwner;
import io.reservations.api.query.LocalPartitions.Peer;
import io.reservations.contract.ErrorCode;
import io.reservations.queries.EntityQueries;
import io.reservations.queries.PartitionUnavailable;
import io.reservations.queries.Routing;
import java.util.Optional;
import java.util.function.Function;
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

    private final ObjectProvider<LocalPartitions> processor;
    private final Peer self;
    private final ReadForwarding forwarding;

    public EntityReader(final ObjectProvider<LocalPartitions> processor, final ReservationsProperties properties,
                        final ReadForwarding forwarding, @Value("${server.port:8080}") final int port) {
        this.processor = processor;
        this.self = new Peer(properties.processor().advertisedHost(), port);
        this.forwarding = forwarding;
    }

    /**
     * @param lookup   the entity as this caller may see it, read from the partition's queries; empty when it does
     *                 not exist or this caller may not see it
     * @param notFound the answer when the lookup is empty
     */
    public <T> ResponseEntity<?> read(final ReadRequest request, final String id,
                                      final Function<EntityQueries, Optional<T>> lookup, final NotFound notFound) {
        return read(request, Routing.ENTITY, id, lookup, notFound);
    }

    /** As {@link #read(ReadRequest, String, Function, NotFound)}, answering what was found with {@code answer}. */
    public <T> ResponseEntity<?> read(final ReadRequest request, final String id,
                                      final Function<EntityQueries, Optional<T>> lookup, final NotFound notFound,
                                      final Function<T, ResponseEntity<?>> answer) {
        return read(request, local -> local.ownerOf(Routing.ENTITY, id), lookup, notFound, answer);
    }

    /** As {@link #read(ReadRequest, String, Function, NotFound)}, routed by another kind of key. */
    public <T> ResponseEntity<?> read(final ReadRequest request, final Routing routing, final String key,
                                      final Function<EntityQueries, Optional<T>> lookup, final NotFound notFound) {
        return read(request, local -> local.ownerOf(routing, key), lookup, notFound, ResponseEntity::ok);
    }

    /** As above, from one partition of the stores routed so, whatever the key: a listing that walks the partitions. */
    public <T> ResponseEntity<?> readPartition(final ReadRequest request, final Routing routing, final int partition,
                                               final Function<EntityQueries, Optional<T>> lookup) {
        return read(request, local -> local.ownerOf(routing, partition), lookup,
                new NotFound(ErrorCode.INTERNAL, "A partition always answers"), ResponseEntity::ok);
    }

    private <T> ResponseEntity<?> read(final ReadRequest request,
                                       final Function<LocalPartitions, Optional<PartitionOwner>> locate,
                                       final Function<EntityQueries, Optional<T>> lookup, final NotFound notFound,
                                       final Function<T, ResponseEntity<?>> answer) {
        final LocalPartitions local = processor.getIfAvailable();
        if (local == null) {
            return forwarding.toAnyProcessor(request.pathAndQuery(), request.authorization());
        }
        final PartitionOwner owner;
        try {
            owner = locate.apply(local).orElseThrow(
                    () -> ApiException.unavailable("Partitions are being assigned; retry shortly"));
        } catch (final PartitionUnavailable e) {
            throw ApiException.unavailable(e.getMessage()); // not started yet, shutting down, or failed
        }
        if (!owner.peer().equals(self)) {
            if (request.routed()) {
                throw ApiException.unavailable("Partition ownership is moving; retry shortly");
            }
            return forwarding.toOwner(owner.peer(), request.pathAndQuery(), request.authorization());
        }
        final Optional<T> visible;
        try {
            visible = local.read(owner.partition(), lookup);
        } catch (final PartitionUnavailable | IllegalStateException e) {
            throw ApiException.unavailable("The store is being restored or moved; retry shortly");
        }
        return visible.<ResponseEntity<?>>map(answer)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, notFound.code().slug(), notFound.detail()));
    }
}
