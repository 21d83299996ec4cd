package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.EXPIRED;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static io.reservations.contract.ReservationStatus.WAITLISTED;

import io.reservations.contract.CancelReservation;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.Waitlisted;
import java.time.Instant;
import java.util.List;

/**
 * The reservation's rules as pure functions: {@code decide} turns a command or a forward write into events,
 * writes for the window and a result; {@code evolve} applies one event. A missing reservation is {@code null}.
 */
public final class ReservationDecider {

    private ReservationDecider() {
    }

    public static Outcome<ReservationEvent> decide(final ReservationState state, final ReservationCommand command,
                                                   final Instant now) {
        if (command instanceof CreateReservation create) {
            return create(state, create, now);
        }
        if (command instanceof SelectResource select) {
            return Selections.select(state, select, now);
        }
        if (command instanceof CancelReservation cancel) {
            return Cancellations.cancel(state, cancel, now);
        }
        if (command instanceof ConfirmHold confirm) {
            return Holds.confirm(state, confirm, now);
        }
        throw new IllegalArgumentException("Unknown reservation command " + command);
    }

    /** Steps 4 of select-resource: the window's answer reaches the reservation's master. */
    public static Outcome<ReservationEvent> decide(final ReservationState state, final ForwardWrite write,
                                                   final Instant now) {
        if (write.operation() == Operation.CONFIRM_SELECTION) {
            return Selections.confirm(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.REJECT_SELECTION) {
            return Selections.reject(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.EXPIRE_HOLD) {
            return Holds.due(state, now);
        }
        if (write.operation() == Operation.EXPIRE_SELECTION) {
            return Selections.timedOut(state, write.commandId(), now);
        }
        if (write.operation() == Operation.WAITLIST_SELECTION) {
            return WaitlistedSelections.joined(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.EXPIRE_WAITLIST) {
            return WaitlistedSelections.due(state, write.commandId(), now);
        }
        if (write.operation() == Operation.SELECT_FOR_BUNDLE) {
            return BundleItems.select(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.SETTLE_BUNDLE_ITEM) {
            return BundleItems.settle(state, write.commandId(), write.data(), now);
        }
        throw new IllegalArgumentException(write.operation() + " is not a reservation operation");
    }

    public static ReservationState evolve(final ReservationState state, final ReservationEvent event) {
        if (event instanceof ReservationCreated created) {
            return new ReservationState(created.reservationId(), created.windowId(), PENDING, null, null, created.owner());
        }
        if (event instanceof SelectionStarted started) {
            return state.with(SELECTING, null, Boolean.TRUE.equals(started.waitlist())
                    ? PendingSelection.waiting(started.commandId(), started.resourceType(), started.holdFor(),
                    started.waitlistFor())
                    : new PendingSelection(started.commandId(), started.resourceType(), started.holdFor()))
                    .inBundle(started.bundleId());
        }
        if (event instanceof Waitlisted waitlisted) {
            return state.waitlisted(waitlisted.waitlistPosition(), waitlisted.waitlistExpiresAt());
        }
        if (event instanceof ResourceSelected selected) {
            return state.with(CONFIRMED, new SelectedResource(selected.resourceId(), selected.resourceType()), null);
        }
        if (event instanceof ResourceHeld held) {
            return state.held(new SelectedResource(held.resourceId(), held.resourceType()), held.holdExpiresAt());
        }
        if (event instanceof HoldConfirmed) {
            return state.with(CONFIRMED, state.selectedResource(), null);
        }
        if (event instanceof HoldExpired) {
            return state.with(EXPIRED, null, null);
        }
        if (event instanceof SelectionRejected) {
            // a cancelled reservation stays cancelled; only a live selection (or a wait in line) falls back to PENDING
            // out of its bundle too: a rejected bundle's items are ordinary PENDING reservations again
            return state.with(state.status() == SELECTING || state.status() == WAITLISTED ? PENDING : state.status(),
                    state.selectedResource(), null).inBundle(null);
        }
        if (event instanceof ReservationCancelled) {
            return state.with(CANCELLED, null, state.pendingSelection());
        }
        throw new IllegalArgumentException("Unknown reservation event " + event);
    }

    public static ReservationState fold(final ReservationState initial, final List<? extends ReservationEvent> events) {
        ReservationState state = initial;
        for (final ReservationEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    private static Outcome<ReservationEvent> create(final ReservationState state, final CreateReservation command,
                                                    final Instant now) {
        if (state != null) {
            return Outcome.rejected(command.commandId(), ErrorCode.RESERVATION_EXISTS.slug());
        }
        return ReservationAnswers.succeeded(null, command.commandId(), List.of(new ReservationCreated(
                command.commandId(), now, command.reservationId(), command.windowId(), command.owner())), List.of());
    }
}
