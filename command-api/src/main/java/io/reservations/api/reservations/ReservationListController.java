package io.reservations.api.reservations;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.PageTokens;
import io.reservations.api.query.PartitionWalk;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.query.ReservationReads;
import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.Ids;
import io.reservations.contract.ReservationStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /reservations}: the caller's own reservations, from the owner index (one partition per owner); an
 * admin names an owner with {@code ?owner=}, or walks everyone's, one index partition per page at most.
 */
@RestController
public class ReservationListController {

    private final ReservationReads reads;
    private final int partitions;

    public ReservationListController(final ReservationReads reads, final ReservationsProperties properties) {
        this.reads = reads;
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
                                  final ReadRequest request) {
        final Caller caller = Caller.current();
        final ReservationStatus inStatus = status(status);
        final String listed = owner(caller, owner);
        final String scope = String.join("\n", "reservations", caller.subject(), String.valueOf(listed),
                String.valueOf(windowId), String.valueOf(inStatus));
        final ReservationReads.Listing listing = new ReservationReads.Listing(windowId(windowId), inStatus,
                PageTokens.limit(limit), scope);
        final String from = PageTokens.position(scope, pageToken);
        return listed != null ? reads.ofOwner(request, listed, listing, from)
                : reads.ofEveryone(request, PartitionWalk.at(from, partitions), listing);
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
