package io.reservations.api.reservations;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.EntityReader;
import io.reservations.api.query.Page;
import io.reservations.api.query.PageTokens;
import io.reservations.api.query.PartitionWalk;
import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.Ids;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.query.EntityQueries;
import io.reservations.processor.query.ReservationFilter;
import io.reservations.processor.query.ReservationListings;
import io.reservations.processor.query.ReservationSlice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /reservations}: the caller's own reservations, from the owner index (one partition per owner); an
 * admin names an owner with {@code ?owner=}, or walks everyone's, one index partition per page at most.
 */
@RestController
public class ReservationListController {

    private final EntityReader reader;
    private final int partitions;

    public ReservationListController(final EntityReader reader, final ReservationsProperties properties) {
        this.reader = reader;
        this.partitions = properties.kafka().partitions();
    }

    @Operation(summary = "The caller's reservations (an admin's: anyone's, or one owner's), in pages, in id order")
    @ApiResponse(responseCode = "200", description = "{items: [reservation], next_page_token?}")
    @ApiResponse(responseCode = "400", description = "invalid: limit outside 1 to 500, unknown status, window_id outside"
            + " the allowed form, a page_token not given to this caller for this query")
    @ApiResponse(responseCode = "403", description = "forbidden: owner= for someone else, without the admin role")
    @GetMapping("/reservations")
    public ResponseEntity<?> list(@RequestParam(name = "window_id", required = false) final String windowId,
                                  @RequestParam(name = "status", required = false) final String status,
                                  @RequestParam(name = "owner", required = false) final String owner,
                                  @RequestParam(name = "limit", required = false) final Integer limit,
                                  @RequestParam(name = "page_token", required = false) final String pageToken,
                                  final HttpServletRequest request,
                                  @RequestHeader(name = EntityReader.ROUTED_HEADER, required = false) final String routed,
                                  @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final Caller caller = Caller.current();
        final ReservationFilter filter = new ReservationFilter(windowId(windowId), status(status));
        final int size = PageTokens.limit(limit);
        final String listed = owner(caller, owner);
        final String scope = String.join("\n", "reservations", caller.subject(), String.valueOf(listed),
                String.valueOf(windowId), String.valueOf(filter.status()));
        final String path = EntityReader.pathAndQuery(request);
        final String from = PageTokens.position(scope, pageToken);
        if (listed != null) {
            return reader.read(EntityQueries.OWNER_ROUTING_STORE, listed, path, routed != null, authorization,
                    queries -> Optional.of(page(queries.listings().reservationsOf(listed, filter, from, size), scope, "")),
                    ErrorCode.INTERNAL.slug(), "An owner always has a listing");
        }
        // everyone's: partition by partition of the owner index, going on into the next ones this instance holds
        final PartitionWalk walk = PartitionWalk.at(from, partitions);
        return reader.readPartition(EntityQueries.OWNER_ROUTING_STORE, walk.partition(), path, routed != null, authorization,
                queries -> Optional.of(everyone(queries, walk, filter, size, scope)));
    }

    private Page<Reservation> everyone(final EntityQueries queries, final PartitionWalk start, final ReservationFilter filter,
                                       final int size, final String scope) {
        final List<Reservation> items = new ArrayList<>();
        int budget = ReservationListings.SCAN_BUDGET; // for the whole page, however many partitions it walks
        PartitionWalk at = start;
        while (true) {
            final ReservationSlice slice;
            try {
                slice = queries.listingsOf(at.partition()).allReservations(filter, at.from(), size - items.size(), budget);
            } catch (final InvalidStateStoreException elsewhere) {
                if (at == start) {
                    throw elsewhere; // the partition the read was routed for: the store is moving
                }
                return new Page<>(items, PageTokens.issue(scope, at.partition() + "/")); // the next page asks its owner
            }
            items.addAll(slice.items());
            budget -= slice.scanned();
            if (slice.next().isPresent() || at.partition() + 1 >= partitions || items.size() == size || budget == 0) {
                return at.page(items, slice.next(), scope, partitions);
            }
            at = new PartitionWalk(at.partition() + 1, null);
        }
    }

    private static Page<Reservation> page(final ReservationSlice slice, final String scope, final String prefix) {
        return new Page<>(slice.items(), slice.next().map(next -> PageTokens.issue(scope, prefix + next)).orElse(null));
    }

    /** Whose reservations: the caller's own; an admin's choice, or everyone's (null). */
    private static String owner(final Caller caller, final String owner) {
        if (caller.admin()) {
            return owner;
        }
        if (owner != null && !owner.equals(caller.subject())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only an admin lists someone else's reservations");
        }
        return caller.subject();
    }

    private static String windowId(final String windowId) {
        if (windowId != null && !Ids.isValid(windowId)) {
            throw ApiException.invalid("window_id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        return windowId;
    }

    private static ReservationStatus status(final String status) {
        if (status == null) {
            return null;
        }
        try {
            return ReservationStatus.valueOf(status);
        } catch (final IllegalArgumentException e) {
            throw ApiException.invalid("status must be one of PENDING, SELECTING, HELD, CONFIRMED, CANCELLED, EXPIRED");
        }
    }
}
