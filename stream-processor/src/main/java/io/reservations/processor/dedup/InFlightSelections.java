package io.reservations.processor.dedup;

import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectionStarted;
import io.reservations.processor.domain.Outcome;
import io.reservations.processor.domain.PendingSelection;
import io.reservations.processor.domain.ReservationState;
import java.util.Optional;

/**
 * A selection in flight is remembered by its reservation's state, which the step that starts it stores anyway, and
 * not by the de-duplication store until its result is known: the step writes one changelog record instead of two.
 * The state keeps the command id, the request's digest and sender, and when it was accepted.
 */
public final class InFlightSelections {

    private InFlightSelections() {
    }

    /** Whether this outcome of a command starts a selection, whose result a later step settles. */
    public static boolean starts(final Outcome<?> outcome) {
        return outcome.result() == null && outcome.events().stream().anyMatch(SelectionStarted.class::isInstance);
    }

    /** Whether the reservation waits on the window's answer to this command: a repeat of it has no effect now. */
    public static boolean awaits(final ReservationState state, final String commandId) {
        return state != null && state.pendingSelection() != null && state.pendingSelection().commandId().equals(commandId)
                && (state.status() == ReservationStatus.SELECTING || state.status() == ReservationStatus.CANCELLED);
    }

    /** The state to store after {@code command}: a selection it started remembers the request. */
    public static ReservationState remember(final ReservationState next, final ReservationCommand command, final long acceptedAt) {
        final PendingSelection selection = next.pendingSelection();
        if (next.status() != ReservationStatus.SELECTING || selection == null
                || !selection.commandId().equals(command.commandId()) || selection.acceptedAt() != null) {
            return next;
        }
        return next.withPendingSelection(selection.withRequest(command.requestHash(), command.requestedBy(), acceptedAt));
    }

    /** What the state remembers of that command, as the de-duplication store would have it before its result. */
    public static Optional<CommandRecord> accepted(final ReservationState state, final String commandId) {
        final PendingSelection selection = state == null ? null : state.pendingSelection();
        if (selection == null || selection.acceptedAt() == null || !selection.commandId().equals(commandId)) {
            return Optional.empty();
        }
        return Optional.of(new CommandRecord(selection.acceptedAt(), selection.requestHash(), null, selection.requestedBy()));
    }
}
