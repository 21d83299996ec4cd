package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.EXPIRED;
import static io.reservations.contract.ReservationStatus.HELD;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;

import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.ErrorCodes;
import io.reservations.contract.ForwardData;
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
import java.time.Duration;
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
            return select(state, select, now);
        }
        if (command instanceof CancelReservation cancel) {
            return cancel(state, cancel, now);
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
            return confirm(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.REJECT_SELECTION) {
            return reject(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.EXPIRE_HOLD) {
            return Holds.due(state, now);
        }
        if (write.operation() == Operation.EXPIRE_SELECTION) {
            return selectionTimedOut(state, write.commandId(), now);
        }
        throw new IllegalArgumentException(write.operation() + " is not a reservation operation");
    }

    public static ReservationState evolve(final ReservationState state, final ReservationEvent event) {
        if (event instanceof ReservationCreated created) {
            return new ReservationState(created.reservationId(), created.windowId(), PENDING, null, null, created.owner());
        }
        if (event instanceof SelectionStarted started) {
            return state.with(SELECTING, null,
                    new PendingSelection(started.commandId(), started.resourceType(), started.holdFor()));
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
            // a cancelled reservation stays cancelled; only a live selection falls back to PENDING
            return state.with(state.status() == SELECTING ? PENDING : state.status(), state.selectedResource(), null);
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
            return Outcome.rejected(command.commandId(), ErrorCodes.RESERVATION_EXISTS);
        }
        return succeeded(null, command.commandId(), List.of(new ReservationCreated(
                command.commandId(), now, command.reservationId(), command.windowId(), command.owner())), List.of());
    }

    /** Step 2: validate, mark SELECTING and ask the window's master for a resource. */
    private static Outcome<ReservationEvent> select(final ReservationState state, final SelectResource command,
                                                    final Instant now) {
        // someone else's reservation does not exist for this caller: its existence must not leak
        if (state == null || !state.accessibleTo(command.requestedBy(), command.requestedByAdmin())) {
            return Outcome.rejected(command.commandId(), ErrorCodes.RESERVATION_NOT_FOUND);
        }
        if (state.status() == CANCELLED) {
            return Outcome.rejected(command.commandId(), ErrorCodes.RESERVATION_CANCELLED);
        }
        if (state.status() == SELECTING) {
            return Outcome.rejected(command.commandId(), ErrorCodes.SELECTION_IN_PROGRESS);
        }
        if (state.status() == EXPIRED) {
            return Outcome.rejected(command.commandId(), ErrorCodes.HOLD_EXPIRED);
        }
        if (state.status() == CONFIRMED || state.status() == HELD) {
            return state.selectedResource().type().equals(command.resourceType())
                    ? succeeded(state, command.commandId(), List.of(), List.of())
                    : Outcome.rejected(command.commandId(), ErrorCodes.ALREADY_CONFIRMED);
        }
        final SelectionStarted started = new SelectionStarted(
                command.commandId(), now, state.id(), state.windowId(), command.resourceType(), command.holdFor());
        final EntityWrite allocate = EntityWrite.of(Operation.ALLOCATE_RESOURCE,
                ForwardData.allocate(state.id(), state.windowId(), command.resourceType(), state.owner()));
        return new Outcome<>(List.of(started), List.of(allocate), null);
    }

    private static Outcome<ReservationEvent> cancel(final ReservationState state, final CancelReservation command,
                                                    final Instant now) {
        if (state == null || !state.accessibleTo(command.requestedBy(), command.requestedByAdmin())) {
            return Outcome.rejected(command.commandId(), ErrorCodes.RESERVATION_NOT_FOUND);
        }
        if (state.status() == CANCELLED) {
            return Outcome.rejected(command.commandId(), ErrorCodes.RESERVATION_CANCELLED);
        }
        if (state.status() == EXPIRED) {
            return Outcome.rejected(command.commandId(), ErrorCodes.HOLD_EXPIRED);
        }
        final SelectedResource held = state.selectedResource();
        final ReservationCancelled cancelled = new ReservationCancelled(
                command.commandId(), now, state.id(), state.windowId(), held == null ? null : held.id());
        if (held == null) {
            // nothing held yet; a selection in flight is compensated when the window answers
            return succeeded(state, command.commandId(), List.of(cancelled), List.of());
        }
        // the window publishes the result once the resource is free again
        final EntityWrite release = new EntityWrite(Operation.RELEASE_RESOURCE,
                ForwardData.release(state.id(), state.windowId(), held.id(), held.type()), true);
        return succeeded(state, command.commandId(), List.of(cancelled), List.of(release));
    }

    private static Outcome<ReservationEvent> confirm(final ReservationState state, final String commandId,
                                                     final ForwardData data, final Instant now) {
        if (state != null && (state.status() == CONFIRMED || state.status() == HELD)
                && state.selectedResource().id().equals(data.resourceId())) {
            return Outcome.nothing(); // this confirmation was already applied
        }
        if (state != null && isPending(state, commandId)) {
            if (state.status() == SELECTING) {
                return succeeded(state, commandId, List.of(selected(state, data, now)), List.of());
            }
            // cancelled while the window was allocating: give the resource back (compensation)
            final SelectionRejected rejected = new SelectionRejected(commandId, now, state.id(), state.windowId(),
                    data.resourceType(), ErrorCodes.RESERVATION_CANCELLED);
            return new Outcome<>(List.of(rejected), List.of(compensation(data)),
                    CommandResult.rejected(commandId, ErrorCodes.RESERVATION_CANCELLED));
        }
        // nobody here waits for this resource: never leave it held
        return new Outcome<>(List.of(), List.of(compensation(data)), null);
    }

    /** For good, or HELD until the step's time plus the hold the selection asked for. */
    private static ReservationEvent selected(final ReservationState state, final ForwardData data, final Instant now) {
        final String holdFor = state.pendingSelection().holdFor();
        if (holdFor == null) {
            return new ResourceSelected(state.pendingSelection().commandId(), now, state.id(), state.windowId(),
                    data.resourceId(), data.resourceType());
        }
        return new ResourceHeld(state.pendingSelection().commandId(), now, state.id(), state.windowId(),
                data.resourceId(), data.resourceType(), now.plus(Duration.parse(holdFor)));
    }

    private static Outcome<ReservationEvent> reject(final ReservationState state, final String commandId,
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
    private static Outcome<ReservationEvent> selectionTimedOut(final ReservationState state, final String commandId,
                                                               final Instant now) {
        if (state == null || state.status() != SELECTING || !isPending(state, commandId)) {
            return Outcome.nothing();
        }
        final SelectionRejected rejected = new SelectionRejected(commandId, now, state.id(), state.windowId(),
                state.pendingSelection().resourceType(), ErrorCodes.SELECTION_TIMEOUT);
        return new Outcome<>(List.of(rejected), List.of(), CommandResult.rejected(commandId, ErrorCodes.SELECTION_TIMEOUT));
    }

    private static boolean isPending(final ReservationState state, final String commandId) {
        return state.pendingSelection() != null && state.pendingSelection().commandId().equals(commandId);
    }

    private static EntityWrite compensation(final ForwardData confirmed) {
        return EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release(confirmed.reservationId(),
                confirmed.windowId(), confirmed.resourceId(), confirmed.resourceType()));
    }

    static Outcome<ReservationEvent> succeeded(final ReservationState state, final String commandId,
                                                       final List<ReservationEvent> events,
                                                       final List<EntityWrite> forwards) {
        final ReservationState next = fold(state, events);
        return new Outcome<>(events, forwards, CommandResult.succeeded(commandId, next.toView()));
    }
}
