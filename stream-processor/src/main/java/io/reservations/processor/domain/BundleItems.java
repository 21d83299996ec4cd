package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.EXPIRED;
import static io.reservations.contract.ReservationStatus.HELD;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;

import io.reservations.contract.BundleForwards;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reservation as an item of a bundle: it selects when the bundle asks (asking its window, which answers the
 * bundle), stays SELECTING, and moves only when the bundle tells it to, acknowledging each move. The bundle's master owns the timers and the releases of a rejected bundle.
 */
final class BundleItems {

    private BundleItems() {
    }

    /** The bundle asks for a resource: SELECTING for it, the window asked; or the reason it cannot be. */
    static Outcome<ReservationEvent> select(final ReservationState state, final String commandId,
                                            final ForwardData asked, final Instant now) {
        final Optional<ErrorCode> refused = refusal(state, asked);
        if (refused.isPresent()) {
            return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.BUNDLE_ITEM_REJECTED,
                    BundleForwards.itemRejected(asked.bundleId(), asked.reservationId(), refused.get().slug()))), null);
        }
        final SelectionStarted started = new SelectionStarted(commandId, now, state.id(), state.windowId(),
                asked.resourceType(), null, null, null, asked.bundleId());
        // the window answers the bundle, which decides for all its items
        return new Outcome<>(List.of(started), List.of(EntityWrite.of(Operation.ALLOCATE_RESOURCE,
                BundleForwards.allocateForBundle(state.id(), state.windowId(), asked.resourceType(), state.owner(),
                        asked.bundleId()))), null);
    }

    private static Optional<ErrorCode> refusal(final ReservationState state, final ForwardData asked) {
        if (state == null || !state.accessibleTo(asked.requestedBy(), Boolean.TRUE.equals(asked.requestedByAdmin()))) {
            return Optional.of(ErrorCode.RESERVATION_NOT_FOUND);
        }
        if (state.status() == CANCELLED) {
            return Optional.of(ErrorCode.RESERVATION_CANCELLED);
        }
        if (state.status() == EXPIRED) {
            return Optional.of(ErrorCode.HOLD_EXPIRED);
        }
        if (state.movedByBundle()) {
            return Optional.of(ErrorCode.IN_BUNDLE);
        }
        if (state.status() == CONFIRMED || state.status() == HELD) {
            return Optional.of(ErrorCode.ALREADY_CONFIRMED);
        }
        return state.status() == PENDING ? Optional.empty() : Optional.of(ErrorCode.SELECTION_IN_PROGRESS);
    }

    /**
     * The bundle moved: apply its step if this reservation is still its item in the state the step expects, and
     * acknowledge in any case (a step that finds nothing to do is done).
     */
    static Outcome<ReservationEvent> settle(final ReservationState state, final String commandId,
                                            final ForwardData step, final Instant now) {
        final List<ReservationEvent> events = new ArrayList<>();
        final List<EntityWrite> writes = new ArrayList<>();
        if (state != null && step.bundleId().equals(state.bundleId())) {
            apply(state, commandId, step, now, events, writes);
        }
        writes.add(EntityWrite.of(Operation.BUNDLE_ITEM_SETTLED,
                BundleForwards.settled(step.bundleId(), step.reservationId(), step.bundleStep())));
        return new Outcome<>(events, writes, null);
    }

    private static void apply(final ReservationState state, final String commandId, final ForwardData step,
                              final Instant now, final List<ReservationEvent> events, final List<EntityWrite> writes) {
        final SelectedResource held = state.selectedResource();
        switch (step.bundleStep()) {
            case CONFIRM -> {
                if (state.status() == SELECTING) {
                    events.add(new ResourceSelected(commandId, now, state.id(), state.windowId(), step.resourceId(),
                            step.resourceType()));
                }
            }
            case HOLD -> {
                if (state.status() == SELECTING) {
                    events.add(new ResourceHeld(commandId, now, state.id(), state.windowId(), step.resourceId(),
                            step.resourceType(), step.holdExpiresAt()));
                }
            }
            case RELEASE -> {
                if (state.status() == SELECTING) { // the bundle releases what its items' windows gave
                    events.add(new SelectionRejected(commandId, now, state.id(), state.windowId(),
                            state.pendingSelection().resourceType(), step.reason()));
                }
            }
            case CONFIRM_HOLD -> {
                if (state.status() == HELD) {
                    events.add(new HoldConfirmed(commandId, now, state.id(), state.windowId(), held.id()));
                }
            }
            case EXPIRE -> {
                if (state.status() == HELD) {
                    events.add(new HoldExpired(commandId, now, state.id(), state.windowId(), held.id()));
                    writes.add(release(state, held));
                }
            }
            case CANCEL -> {
                if (state.status() == HELD || state.status() == CONFIRMED) {
                    events.add(new ReservationCancelled(commandId, now, state.id(), state.windowId(), held.id()));
                    writes.add(release(state, held));
                }
            }
        }
    }

    private static EntityWrite release(final ReservationState state, final SelectedResource held) {
        return EntityWrite.of(Operation.RELEASE_RESOURCE,
                ForwardData.release(state.id(), state.windowId(), held.id(), held.type()));
    }
}
