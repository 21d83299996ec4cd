package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.HELD;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static io.reservations.contract.ReservationStatus.WAITLISTED;

import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.WaitlistDurations;
import io.reservations.contract.Waitlisted;
import java.time.Instant;
import java.util.List;

/**
 * A selection that waits in its window's line, on the reservation's side: the window's "you are in line" makes it
 * WAITLISTED (the select's answer), a resource from the line makes it CONFIRMED or HELD from that moment (the select
 * was answered already: no second result), and its wait runs out back to PENDING. An answer that finds the
 * selection over (cancelled, timed out, run out, or another one started) is undone: out of the line, or the
 * resource back to the window, which gives it to the next in line.
 */
final class WaitlistedSelections {

    private WaitlistedSelections() {
    }

    /** The window put the selection {@code commandId} in its line at {@code data.waitlistPosition()}. */
    static Outcome<ReservationEvent> joined(final ReservationState state, final String commandId,
                                            final ForwardData data, final Instant now) {
        if (state != null && state.status() == SELECTING && waitsFor(state, commandId)) {
            final Instant until = now.plus(WaitlistDurations.parse(state.pendingSelection().waitlistFor())
                    .orElse(WaitlistDurations.DEFAULT));
            return ReservationAnswers.succeeded(state, commandId, List.of(new Waitlisted(commandId, now, state.id(),
                    state.windowId(), data.resourceType(), data.waitlistPosition(), until)), List.of());
        }
        if (state != null && state.status() == WAITLISTED && waitsFor(state, commandId)) {
            return Outcome.nothing(); // this answer was already applied
        }
        return new Outcome<>(List.of(), List.of(leave(data.reservationId(), data.windowId(), data.resourceType())), null);
    }

    /** A resource came free and the window gave it to this selection from its line. */
    static Outcome<ReservationEvent> promoted(final ReservationState state, final String commandId,
                                              final ForwardData data, final Instant now) {
        if (state != null && (state.status() == CONFIRMED || state.status() == HELD)
                && state.selectedResource().id().equals(data.resourceId())) {
            return Outcome.nothing(); // this promotion was already applied
        }
        if (state != null && state.status() == WAITLISTED && waitsFor(state, commandId)) {
            return new Outcome<>(List.of(Selections.selected(state, data, now)), List.of(), null);
        }
        return new Outcome<>(List.of(), List.of(Selections.compensation(data)), null); // nobody here waits for it
    }

    /** The wait of the selection {@code commandId} ran out: back to PENDING, out of the line. */
    static Outcome<ReservationEvent> due(final ReservationState state, final String commandId, final Instant now) {
        if (state == null || state.status() != WAITLISTED || !waitsFor(state, commandId)
                || now.isBefore(state.waitlistExpiresAt())) {
            return Outcome.nothing();
        }
        final SelectionRejected rejected = new SelectionRejected(commandId, now, state.id(), state.windowId(),
                state.pendingSelection().resourceType(), ErrorCode.WAITLIST_EXPIRED.slug());
        return new Outcome<>(List.of(rejected), List.of(leave(state.id(), state.windowId(),
                state.pendingSelection().resourceType())), null);
    }

    /** The window's write that takes a reservation out of the line its selection (the write's command) waits in. */
    static EntityWrite leave(final String reservationId, final String windowId, final String resourceType) {
        return EntityWrite.of(Operation.LEAVE_WAITLIST, ForwardData.leave(reservationId, windowId, resourceType));
    }

    private static boolean waitsFor(final ReservationState state, final String commandId) {
        return state.pendingSelection() != null && state.pendingSelection().commandId().equals(commandId);
    }
}
