package io.reservations.api.query;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.queries.EntityQueries;
import io.reservations.queries.ReservationFilter;
import io.reservations.queries.ReservationSlice;
import io.reservations.queries.Routing;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Reads of reservations for the controllers: one by id from its master, listings from the owner index. */
@Component
public class ReservationReads {

    private final EntityReader reader;
    private final int partitions;

    public ReservationReads(final EntityReader reader, final ReservationsProperties properties) {
        this.reader = reader;
        this.partitions = properties.kafka().partitions();
    }

    /** Another owner's reservation reads as missing: existence does not leak. */
    public ResponseEntity<?> reservation(final ReadRequest request, final String id, final Caller caller) {
        return reader.read(request, id, queries -> queries.reservation(id).filter(found -> caller.maySee(found.owner())),
                new NotFound(ErrorCode.RESERVATION_NOT_FOUND, "No reservation has this id"));
    }

    /** One page of one owner's reservations, from the index partition of that owner, after {@code from}. */
    public ResponseEntity<?> ofOwner(final ReadRequest request, final String owner, final Listing listing,
                                     final String from) {
        return reader.read(request, Routing.OWNER, owner, queries -> Optional.of(
                page(queries.reservationsOf(owner, listing.filter(), from, listing.size()), listing.scope())),
                new NotFound(ErrorCode.INTERNAL, "An owner always has a listing"));
    }

    /** One page of everyone's reservations, partition by partition of the owner index, from {@code walk}. */
    public ResponseEntity<?> ofEveryone(final ReadRequest request, final PartitionWalk walk, final Listing listing) {
        return reader.readPartition(request, Routing.OWNER, walk.partition(),
                queries -> Optional.of(everyone(queries, walk, listing)));
    }

    /** What a listing asks for: reservations of a window and in a status (null for any), a page size, its scope. */
    public record Listing(String windowId, ReservationStatus status, int size, String scope) {

        ReservationFilter filter() {
            return new ReservationFilter(windowId, status);
        }
    }

    /** Goes on into the next partitions this instance holds; the page ends where one is held elsewhere. */
    private Page<Reservation> everyone(final EntityQueries queries, final PartitionWalk start, final Listing listing) {
        return PartitionPages.walk(start, (partition, from, limit, budget) -> {
            final ReservationSlice slice = queries.allReservations(partition, listing.filter(), from, limit,
                    budget);
            return new PartitionPages.Slice<>(slice.items(), slice.next(), slice.scanned());
        }, listing.size(), EntityQueries.SCAN_BUDGET, listing.scope(), partitions);
    }

    private static Page<Reservation> page(final ReservationSlice slice, final String scope) {
        return new Page<>(slice.items(), slice.next().map(next -> PageTokens.issue(scope, next)).orElse(null));
    }
}
