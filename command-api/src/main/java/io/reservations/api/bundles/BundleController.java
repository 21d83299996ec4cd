package io.reservations.api.bundles;

import io.reservations.api.commands.CommandAnswers;
import io.reservations.api.commands.CommandRequest;
import io.reservations.api.commands.CommandResponses;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.BundleReads;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.quotas.Quota;
import io.reservations.api.quotas.Quotas;
import io.reservations.api.security.Caller;
import io.reservations.contract.BundleCommand;
import io.reservations.contract.CancelBundle;
import io.reservations.contract.ConfirmBundle;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/bundles")
public class BundleController {

    private final CommandResponses commands;
    private final BundleReads reads;
    private final Quotas quotas;

    public BundleController(final CommandResponses commands, final BundleReads reads, final Quotas quotas) {
        this.commands = commands;
        this.reads = reads;
        this.quotas = quotas;
    }

    @Operation(summary = "Select a resource for 2 to 20 of the caller's PENDING reservations, in any windows, all or "
            + "none; with hold_for (ISO-8601, 1 s to 24 h) the bundle ends HELD until a confirm")
    @ApiResponse(responseCode = "201", description = "The bundle, CONFIRMED or HELD, every item with its "
            + "selected_resource, with Location /bundles/{id}; its items CONFIRMED or HELD with bundle_id")
    @ApiResponse(responseCode = "400", description = "invalid: fewer than 2 or more than 20 items, an item twice, "
            + "ids outside the allowed form, hold_for not an ISO-8601 duration from 1 s to 24 h")
    @ApiResponse(responseCode = "404", description = "reservation-not-found (with failed_reservation_id): nothing held")
    @ApiResponse(responseCode = "409", description = "The refused item's code (no-resource-available, "
            + "reservation-cancelled, already-confirmed, selection-in-progress, in-bundle, window-not-found, "
            + "selection-timeout, ...) with failed_reservation_id: nothing held, every item PENDING; bundle-exists; "
            + "quota-exceeded (with hold_for: the caller keeps as many holds as its quota allows)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public CompletableFuture<ResponseEntity<Object>> create(@RequestBody final CreateBundleRequest request,
                                                            final CommandRequest call) {
        if (request.holdFor() != null) {
            quotas.admit(Quota.ACTIVE_HOLDS, call); // its items' holds count as the caller's, as a select's
        }
        final String bundleId = call.entityId(request.id(), "bundle");
        final String hash = call.requestHash("/bundles", request.withId(bundleId));
        return commands.submit(new CreateBundle(call.commandId(), bundleId, request.bundleItems(), request.holdFor(),
                        hash, call.caller().subject(), call.caller().admin()), call,
                result -> CommandAnswers.answer(result, HttpStatus.CREATED, URI.create("/bundles/" + bundleId)));
    }

    @Operation(summary = "Confirm every item of a HELD bundle before its hold runs out")
    @ApiResponse(responseCode = "200", description = "The bundle, CONFIRMED (also for a repeated confirm)")
    @ApiResponse(responseCode = "404", description = "bundle-not-found")
    @ApiResponse(responseCode = "409", description = "hold-expired, not-held, bundle-cancelled, bundle-rejected")
    @PostMapping("/{id}/confirm")
    public CompletableFuture<ResponseEntity<Object>> confirm(@PathVariable final String id, final CommandRequest call) {
        return move(id, "/confirm", ConfirmBundle::new, call);
    }

    @Operation(summary = "Cancel every item of a CONFIRMED or HELD bundle that is still active")
    @ApiResponse(responseCode = "200", description = "The bundle, CANCELLED")
    @ApiResponse(responseCode = "404", description = "bundle-not-found")
    @ApiResponse(responseCode = "409", description = "bundle-cancelled, bundle-rejected, hold-expired, "
            + "selection-in-progress")
    @PostMapping("/{id}/cancel")
    public CompletableFuture<ResponseEntity<Object>> cancel(@PathVariable final String id, final CommandRequest call) {
        return move(id, "/cancel", CancelBundle::new, call);
    }

    @Operation(summary = "Read a bundle from its master's store")
    @ApiResponse(responseCode = "200", description = "The bundle")
    @ApiResponse(responseCode = "404", description = "bundle-not-found")
    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable final String id, final ReadRequest request) {
        requireValid(id);
        return reads.bundle(request, id, Caller.current());
    }

    /** A command on one bundle that takes no body: confirm, cancel. */
    private interface BodilessCommand {
        BundleCommand of(String commandId, String bundleId, String requestHash, String requestedBy,
                         Boolean requestedByAdmin);
    }

    /** Confirm and cancel answer 200 with the bundle, or the rejection. */
    private CompletableFuture<ResponseEntity<Object>> move(final String id, final String action,
                                                           final BodilessCommand command, final CommandRequest call) {
        requireValid(id);
        final String hash = call.requestHash("/bundles/" + id + action, null);
        return commands.submit(command.of(call.commandId(), id, hash, call.caller().subject(), call.caller().admin()),
                call, result -> CommandAnswers.answer(result, HttpStatus.OK, null));
    }

    private static void requireValid(final String id) {
        if (!Ids.isValid(id)) {
            throw ApiException.invalid("bundle id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
    }
}
