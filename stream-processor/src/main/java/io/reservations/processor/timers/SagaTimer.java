package io.reservations.processor.timers;

import io.reservations.contract.BundleForwards;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.ReservationState;

/**
 * One durable timer of a reservation or a bundle: what fires ({@code EXPIRE_HOLD}, {@code EXPIRE_WAITLIST},
 * {@code EXPIRE_SELECTION}, or a bundle's {@code EXPIRE_BUNDLE}), when, and the command id it concerns (the
 * selection's, the bundle's create command's).
 *
 * @param bundleId the bundle, for {@code EXPIRE_BUNDLE} (then {@code reservationId} and {@code windowId} are null)
 */
public record SagaTimer(Operation operation, String commandId, String reservationId, String windowId, long dueMillis,
                        String bundleId) {

    static SagaTimer of(final ReservationState state, final Operation operation, final long dueMillis) {
        return new SagaTimer(operation, state.pendingSelection().commandId(), state.id(), state.windowId(), dueMillis,
                null);
    }

    static SagaTimer of(final BundleState bundle, final long dueMillis) {
        return new SagaTimer(Operation.EXPIRE_BUNDLE, bundle.createCommandId(), null, null, dueMillis, bundle.id());
    }

    /** The write that asks the reservation's (or bundle's) master to act on this timer. */
    ForwardWrite write(final int partition) {
        return ForwardWrite.of(commandId, operation, operation == Operation.EXPIRE_BUNDLE
                ? BundleForwards.expireBundle(bundleId) : ForwardData.expire(reservationId, windowId), partition);
    }
}
