package io.reservations.api.reservations;

import io.reservations.api.commands.CommandAnswers;
import io.reservations.api.commands.CommandRequest;
import io.reservations.api.commands.CommandResponses;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.query.ReservationReads;
import io.reservations.api.quotas.Quota;
import io.reservations.api.quotas.Quotas;
import io.reservations.api.security.Caller;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.Ids;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.SelectResource;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@RequestMapping("/reservations")
public class ReservationController {

    private final CommandResponses commands;
    private final ReservationReads reads;
    private final Quotas quotas;

    public ReservationController(final CommandResponses commands, final ReservationReads reads, final Quotas quotas) {
        this.commands = commands;
        this.reads = reads;
        this.quotas = quotas;
    }

    @Operation(summary = "Create a PENDING reservation in a window")
    @ApiResponse(responseCode = "201", description = "The reservation, PENDING, with Location /reservations/{id}")
    @ApiResponse(responseCode = "400", description = "invalid: malformed JSON, missing window_id, ids outside the allowed form")
    @ApiResponse(responseCode = "409", description = "reservation-exists, quota-exceeded (the caller keeps as many "
            + "PENDING and HELD reservations as its quota allows)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public CompletableFuture<ResponseEntity<Object>> create(
            @RequestBody final CreateReservationRequest request, final CommandRequest call) {
        quotas.admit(Quota.OPEN_RESERVATIONS, call);
        final String reservationId = call.entityId(request.id(), "reservation");
        final String hash = call.requestHash("/reservations", new CreateReservationRequest(reservationId, request.windowId()));
        return commands.submit(new CreateReservation(call.commandId(), reservationId, request.windowId(), hash,
                        call.caller().subject()), call,
                result -> CommandAnswers.answer(result, HttpStatus.CREATED, URI.create("/reservations/" + reservationId)));
    }

    @Operation(summary = "Take the first available resource of a type in the reservation's window, for good or "
            + "held for hold_for (ISO-8601, 1 s to 24 h) until a confirm; with \"waitlist\": true, wait in the "
            + "window's line for the type when none is free (at most waitlist_for, ISO-8601, 1 minute to 30 days, "
            + "default 7 days): the first resource of the type that comes free goes to the first in line")
    @ApiResponse(responseCode = "200", description = "The reservation, CONFIRMED with selected_resource {id, type}; "
            + "with hold_for: HELD, with hold_expires_at; with waitlist and nothing free: WAITLISTED, with "
            + "waitlist_position (1 for the first in line, fixed when it joined)")
    @ApiResponse(responseCode = "400", description = "invalid: missing or invalid resource_type, hold_for not an "
            + "ISO-8601 duration from 1 s to 24 h, waitlist_for without waitlist or not from 1 minute to 30 days")
    @ApiResponse(responseCode = "404", description = "reservation-not-found")
    @ApiResponse(responseCode = "409", description = "no-resource-available, window-not-found, reservation-cancelled, "
            + "already-confirmed, selection-in-progress, selection-timeout (no answer from the window in time), hold-expired, "
            + "quota-exceeded (with hold_for: the caller keeps as many holds as its quota allows; with waitlist: as many "
            + "places in waitlists), waitlist-full (the "
            + "window's line for the type holds 10,000)")
    @PostMapping(path = "/{id}/select-resource", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CompletableFuture<ResponseEntity<Object>> selectResource(
            @PathVariable final String id,
            @RequestBody final SelectResourceRequest request, final CommandRequest call) {
        requireValid(id);
        if (request.holdFor() != null) {
            quotas.admit(Quota.ACTIVE_HOLDS, call);
        }
        if (request.waitsInLine()) {
            quotas.admit(Quota.WAITLIST_PLACES, call); // counted as a place until the result says otherwise
        }
        final String hash = call.requestHash("/reservations/" + id + "/select-resource", request);
        return submit(new SelectResource(call.commandId(), id, request.resourceType(), hash,
                call.caller().subject(), call.caller().admin(), request.holdFor(), request.waitlist(),
                request.waitlistFor()), call);
    }

    @Operation(summary = "Confirm a held reservation before its hold runs out")
    @ApiResponse(responseCode = "200", description = "The reservation, CONFIRMED (also for a repeated confirm)")
    @ApiResponse(responseCode = "400", description = "invalid: id outside the allowed form")
    @ApiResponse(responseCode = "404", description = "reservation-not-found")
    @ApiResponse(responseCode = "409", description = "hold-expired, not-held, reservation-cancelled")
    @PostMapping("/{id}/confirm")
    public CompletableFuture<ResponseEntity<Object>> confirm(
            @PathVariable final String id, final CommandRequest call) {
        return submitWithoutBody(id, "/confirm", ConfirmHold::new, call);
    }

    @Operation(summary = "Cancel a reservation and release its resource")
    @ApiResponse(responseCode = "200", description = "The reservation, CANCELLED")
    @ApiResponse(responseCode = "400", description = "invalid: id outside the allowed form")
    @ApiResponse(responseCode = "404", description = "reservation-not-found")
    @ApiResponse(responseCode = "409", description = "reservation-cancelled, hold-expired")
    @PostMapping("/{id}/cancel")
    public CompletableFuture<ResponseEntity<Object>> cancel(
            @PathVariable final String id, final CommandRequest call) {
        return submitWithoutBody(id, "/cancel", CancelReservation::new, call);
    }

    @Operation(summary = "Read a reservation from its master's store")
    @ApiResponse(responseCode = "200", description = "The reservation")
    @ApiResponse(responseCode = "400", description = "invalid: id outside the allowed form")
    @ApiResponse(responseCode = "404", description = "reservation-not-found")
    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable final String id, final ReadRequest request) {
        requireValid(id);
        return reads.reservation(request, id, Caller.current());
    }

    /** A command on one reservation that takes no body: cancel, confirm. */
    private interface BodilessCommand {
        ReservationCommand of(String commandId, String reservationId, String requestHash, String requestedBy,
                              Boolean requestedByAdmin);
    }

    private CompletableFuture<ResponseEntity<Object>> submitWithoutBody(final String id, final String action,
                                                                        final BodilessCommand command,
                                                                        final CommandRequest call) {
        requireValid(id);
        final String hash = call.requestHash("/reservations/" + id + action, null);
        return submit(command.of(call.commandId(), id, hash, call.caller().subject(), call.caller().admin()), call);
    }

    /** Select, cancel and confirm answer 200 with the reservation, or the rejection. */
    private CompletableFuture<ResponseEntity<Object>> submit(final ReservationCommand command,
                                                             final CommandRequest call) {
        return commands.submit(command, call,
                result -> CommandAnswers.answer(result, HttpStatus.OK, null));
    }

    private static void requireValid(final String id) {
        if (!Ids.isValid(id)) {
            throw ApiException.invalid("reservation id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
    }
}
