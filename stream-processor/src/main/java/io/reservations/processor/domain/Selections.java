package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.HELD;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static io.reservations.contract.ReservationStatus.WAITLISTED;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.HoldDurations;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.WaitlistDurations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The saga steps of select-resource on the reservation's side: step 2 (validate, mark SELECTING, ask the window),
 * step 4 (the window's answer: CONFIRMED, HELD, or back to PENDING; a resource nobody waits for is released), and
 * the selection's deadline.
 */
final class Selections {

    private Selections() {
    }

    /** Step 2: validate, mark SELECTING and ask the window's master for a resource. */
    static Outcome<ReservationEvent> select(final ReservationState state, final SelectResource command,
                                                    final Instant now) {
        final Optional<Outcome<ReservationEvent>> refused = ReservationAnswers.refused(state, command);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (command.holdFor() != null && HoldDurations.parse(command.holdFor()).isEmpty()
                || (command.waitsInLine() ? WaitlistDurations.parse(command.waitlistFor()).isEmpty()
                : command.waitlistFor() != null)) {
            return Outcome.rejected(command.commandId(), ErrorCode.INVALID.slug()); // written around the API's check
        }
        if (state.status() == SELECTING || state.status() == WAITLISTED) {
            return Outcome.rejected(command.commandId(), ErrorCode.SELECTION_IN_PROGRESS.slug());
        }
        if (state.status() == CONFIRMED || state.status() == HELD) {
            return state.selectedResource().type().equals(command.resourceType())
                    ? ReservationAnswers.succeeded(state, command.commandId(), List.of(), List.of())
                    : Outcome.rejected(command.commandId(), ErrorCode.ALREADY_CONFIRMED.slug());
        }
        final SelectionStarted started = new SelectionStarted(command.commandId(), now, state.id(), state.windowId(),
                command.resourceType(), command.holdFor(), command.waitlist(), command.waitlistFor());
        final EntityWrite allocate = EntityWrite.of(Operation.ALLOCATE_RESOURCE, command.waitsInLine()
                ? ForwardData.allocateOrWait(state.id(), state.windowId(), command.resourceType(), state.owner())
                : ForwardData.allocate(state.id(), state.windowId(), command.resourceType(), state.owner()));
        return new Outcome<>(List.of(started), List.of(allocate), null);
    }

    static Outcome<ReservationEvent> confirm(final ReservationState state, final String commandId,
                                                     final ForwardData data, final Instant now) {
        if (data.waitsInLine() && (state == null || state.status() != SELECTING)) {
            return WaitlistedSelections.promoted(state, commandId, data, now);
        }
        if (state != null && (state.status() == CONFIRMED || state.status() == HELD)
                && state.selectedResource().id().equals(data.resourceId())) {
            return Outcome.nothing(); // this confirmation was already applied
        }
        if (state != null && isPending(state, commandId)) {
            if (state.status() == SELECTING && !holdReadable(state)) {
                // a hold asked for by a build that did not check it: give the resource back, reject the command
                final SelectionRejected rejected = new SelectionRejected(commandId, now, state.id(), state.windowId(),
                        data.resourceType(), ErrorCode.INVALID.slug());
                return new Outcome<>(List.of(rejected), List.of(compensation(data)),
                        CommandResult.rejected(commandId, ErrorCode.INVALID.slug()));
            }
            if (state.status() == SELECTING) {
                return ReservationAnswers.succeeded(state, commandId, List.of(selected(state, data, now)), List.of());
            }
            // cancelled while the window was allocating: give the resource back (compensation)
            final SelectionRejected rejected = new SelectionRejected(commandId, now, state.id(), state.windowId(),
                    data.resourceType(), ErrorCode.RESERVATION_CANCELLED.slug());
            return new Outcome<>(List.of(rejected), List.of(compensation(data)),
                    CommandResult.rejected(commandId, ErrorCode.RESERVATION_CANCELLED.slug()));
        }
        // nobody here waits for this resource: never leave it held
        return new Outcome<>(List.of(), List.of(compensation(data)), null);
    }

    private static boolean holdReadable(final ReservationState state) {
        final String holdFor = state.pendingSelection().holdFor();
        return holdFor == null || HoldDurations.parse(holdFor).isPresent();
    }

    /** For good, or HELD until the step's time plus the hold the selection asked for. */
    static ReservationEvent selected(final ReservationState state, final ForwardData data, final Instant now) {
        final String holdFor = state.pendingSelection().holdFor();
        if (holdFor == null) {
            return new ResourceSelected(state.pendingSelection().commandId(), now, state.id(), state.windowId(),
                    data.resourceId(), data.resourceType());
        }
        return new ResourceHeld(state.pendingSelection().commandId(), now, state.id(), state.windowId(),
                data.resourceId(), data.resourceType(), now.plus(HoldDurations.parse(holdFor).orElseThrow()));
    }

    static Outcome<ReservationEvent> reject(final ReservationState state, final String commandId,
                                                    final ForwardData data, final Instant now) {
        if (state == null || !isPending(state, commandId)) {
            return Outcome.nothing();
        }
        final SelectionRejected rejected = new SelectionRejected(commandId, now, state.id(), state.windowId(),
                state.pendingSelection().resourceType(), data.reason());
        return new Outcome<>(List.of(rejected), List.of(), CommandResult.rejected(commandId, data.reason()));
    }

    /**
     * The selection's deadline passed with no answer from the window: back to PENDING, the command rejected. An
     * answer arriving later finds no one waiting and its resource is released (see {@link #confirm}).
     */
    static Outcome<ReservationEvent> timedOut(final ReservationState state, final String commandId,
                                                               final Instant now) {
        if (state == null || state.status() != SELECTING || !isPending(state, commandId)) {
            return Outcome.nothing();
        }
        final SelectionRejected rejected = new SelectionRejected(commandId, now, state.id(), state.windowId(),
                state.pendingSelection().resourceType(), ErrorCode.SELECTION_TIMEOUT.slug());
        return new Outcome<>(List.of(rejected), List.of(), CommandResult.rejected(commandId, ErrorCode.SELECTION_TIMEOUT.slug()));
    }

    private static boolean isPending(final ReservationState state, final String commandId) {
        return state.pendingSelection() != null && state.pendingSelection().commandId().equals(commandId);
    }

    static EntityWrite compensation(final ForwardData confirmed) {
        return EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release(confirmed.reservationId(),
                confirmed.windowId(), confirmed.resourceId(), confirmed.resourceType()));
    }
}
