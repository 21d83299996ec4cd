package io.reservations.processor.domain;

import io.reservations.contract.CancelReservation;
import io.reservations.contract.ForwardData;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectedResource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cancel on the reservation's side: CANCELLED at once; a resource it holds goes back to its window, whose master
 * publishes the result once the resource is free again; a selection in flight is compensated when the window answers.
 */
final class Cancellations {

    private Cancellations() {
    }

    static Outcome<ReservationEvent> cancel(final ReservationState state, final CancelReservation command,
                                            final Instant now) {
        final Optional<Outcome<ReservationEvent>> refused = ReservationAnswers.refused(state, command);
        if (refused.isPresent()) {
            return refused.get();
        }
        final SelectedResource held = state.selectedResource();
        final ReservationCancelled cancelled = new ReservationCancelled(
                command.commandId(), now, state.id(), state.windowId(), held == null ? null : held.id());
        if (state.status() == ReservationStatus.WAITLISTED) {
            // out of the window's line; a promotion that crossed the cancel is given back when it arrives
            final PendingSelection waiting = state.pendingSelection();
            final EntityWrite leave = EntityWrite.forCommand(waiting.commandId(), Operation.LEAVE_WAITLIST,
                    ForwardData.leave(state.id(), state.windowId(), waiting.resourceType()));
            return ReservationAnswers.succeeded(state, command.commandId(), List.of(cancelled), List.of(leave));
        }
        if (held == null) {
            // nothing held yet; a selection in flight is compensated when the window answers
            return ReservationAnswers.succeeded(state, command.commandId(), List.of(cancelled), List.of());
        }
        // the window publishes the result once the resource is free again
        final EntityWrite release = new EntityWrite(Operation.RELEASE_RESOURCE,
                ForwardData.release(state.id(), state.windowId(), held.id(), held.type()), true);
        return ReservationAnswers.succeeded(state, command.commandId(), List.of(cancelled), List.of(release));
    }
}
