package io.reservations.api.bundles;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.BundleReads;
import io.reservations.api.query.PageTokens;
import io.reservations.api.query.PartitionWalk;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.security.Caller;
import io.reservations.contract.BundleStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bundles}: the caller's bundles (an admin's: everyone's), in pages, walking the bundles' partitions in
 * order; a page reads at most a budget of bundles, so one that filters much may hold fewer items than asked and
 * still have a next one.
 */
@RestController
public class BundleListController {

    private final BundleReads reads;
    private final int partitions;

    public BundleListController(final BundleReads reads, final ReservationsProperties properties) {
        this.reads = reads;
        this.partitions = properties.kafka().partitions();
    }

    @Operation(summary = "The caller's bundles (an admin's: everyone's), in pages, partition by partition")
    @ApiResponse(responseCode = "200", description = "{items: [bundle], next_page_token?}")
    @ApiResponse(responseCode = "400", description = "invalid: limit outside 1 to 500, unknown status, a page_token "
            + "not given to this caller for this query")
    @GetMapping("/bundles")
    public ResponseEntity<?> list(@RequestParam(name = "status", required = false) final String status,
                                  @RequestParam(name = "limit", required = false) final Integer limit,
                                  @RequestParam(name = "page_token", required = false) final String pageToken,
                                  final ReadRequest request) {
        final Caller caller = Caller.current();
        final BundleStatus inStatus = status(status);
        final String owner = caller.admin() ? null : caller.subject();
        final String scope = String.join("\n", "bundles", caller.subject(), String.valueOf(owner),
                String.valueOf(inStatus));
        final String from = PageTokens.position(scope, pageToken);
        return reads.list(request, PartitionWalk.at(from, partitions), new BundleReads.Listing(owner, inStatus,
                PageTokens.limit(limit), scope, partitions));
    }

    private static BundleStatus status(final String status) {
        if (status == null) {
            return null;
        }
        try {
            return BundleStatus.valueOf(status);
        } catch (final IllegalArgumentException e) {
            throw ApiException.invalid("status must be one of SELECTING, CONFIRMED, HELD, REJECTED, EXPIRED, CANCELLED");
        }
    }
}
