package io.reservations.processor.timers;

import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.processor.domain.ReservationState;

/**
 * One durable timer of a reservation: what fires ({@code EXPIRE_HOLD}, {@code EXPIRE_WAITLIST} or {@code EXPIRE_SELECTION}), when, and the
 * selection's command id it concerns.
 */
public record SagaTimer(Operation operation, String commandId, String reservationId, String windowId, long dueMillis) {

    static SagaTimer of(final ReservationState state, final Operation operation, final long dueMillis) {
        return new SagaTimer(operation, state.pendingSelection().commandId(), state.id(), state.windowId(), dueMillis);
    }

    /** The write that asks the reservation's master to act on this timer. */
    ForwardWrite write(final int partition) {
        return ForwardWrite.of(commandId, operation, ForwardData.expire(reservationId, windowId), partition);
    }
}
