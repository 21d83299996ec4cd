package io.reservations.processor.domain;

import io.reservations.contract.BundleForwards;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window's rules as pure functions. Its master applies one record at a time, so "first available resource"
 * needs no lock: two selections for the same window are simply two records in its partition.
 */
public final class WindowDecider {

    private WindowDecider() {
    }

    public static Outcome<WindowEvent> decide(final WindowSlots state, final WindowCommand command, final Instant now) {
        if (command instanceof CreateWindow create) {
            if (state != null) {
                return Outcome.rejected(create.commandId(), ErrorCode.WINDOW_EXISTS.slug());
            }
            final WindowCreated created = new WindowCreated(create.commandId(), now, create.windowId(), create.resources());
            return new Outcome<>(List.of(created), List.of(),
                    CommandResult.succeeded(create.commandId(), evolve(null, created).toView()));
        }
        throw new IllegalArgumentException("Unknown window command " + command);
    }

    /** Step 3 (allocate), the release of a cancel or a compensation, and a reservation leaving a line. */
    public static Outcome<WindowEvent> decide(final WindowSlots state, final ForwardWrite write, final Instant now) {
        if (write.operation() == Operation.ALLOCATE_RESOURCE) {
            return allocate(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.RELEASE_RESOURCE) {
            return release(state, write.commandId(), write.data(), now);
        }
        if (write.operation() == Operation.LEAVE_WAITLIST) {
            return Waitlists.leave(state, write.commandId(), write.data(), now);
        }
        throw new IllegalArgumentException(write.operation() + " is not a window operation");
    }

    public static WindowState evolve(final WindowState state, final WindowEvent event) {
        if (event instanceof WindowCreated created) {
            return new WindowState(created.windowId(), created.resources().stream()
                    .map(resource -> new Slot(resource.id(), resource.type(), null)).toList());
        }
        if (event instanceof ResourceAllocated allocated) {
            // a promotion takes the reservation out of the line
            return state.left(allocated.reservationId()).replace(allocated.resourceId(), allocated.reservationId());
        }
        if (event instanceof ResourceReleased released) {
            return state.replace(released.resourceId(), null);
        }
        if (event instanceof WaitlistJoined joined) {
            return state.joined(new WaitingSelection(joined.reservationId(), joined.resourceType(), joined.commandId(),
                    null, joined.waitlistPosition()));
        }
        if (event instanceof WaitlistLeft left) {
            return state.left(left.reservationId());
        }
        throw new IllegalArgumentException("Unknown window event " + event);
    }

    public static WindowState fold(final WindowState initial, final List<? extends WindowEvent> events) {
        WindowState state = initial;
        for (final WindowEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    private static Outcome<WindowEvent> allocate(final WindowSlots state, final String commandId,
                                                 final ForwardData data, final Instant now) {
        final String reservationId = data.reservationId();
        if (state == null) {
            return refuse(data, ErrorCode.WINDOW_NOT_FOUND);
        }
        // a resource this reservation already holds here is never handed to this selection: it belongs to an
        // earlier selection whose late answer is on its way to the reservation, which gives it back (compensation)
        final Optional<Slot> free = state.firstAvailable(data.resourceType());
        if (free.isEmpty() && data.waitsInLine()) {
            return Waitlists.join(state, commandId, data, now);
        }
        if (free.isEmpty()) {
            return refuse(data, ErrorCode.NO_RESOURCE_AVAILABLE);
        }
        final Slot slot = free.get();
        final ResourceAllocated allocated = new ResourceAllocated(
                commandId, now, state.id(), slot.id(), slot.type(), reservationId);
        return data.bundleId() != null
                ? answer(List.of(allocated), Operation.BUNDLE_ITEM_SELECTED, BundleForwards.itemSelected(data.bundleId(),
                reservationId, data.windowId(), slot.id(), slot.type()))
                : answer(List.of(allocated), Operation.CONFIRM_SELECTION, confirmation(data, slot));
    }

    private static Outcome<WindowEvent> refuse(final ForwardData data, final ErrorCode code) {
        return data.bundleId() != null
                ? answer(List.of(), Operation.BUNDLE_ITEM_REJECTED,
                BundleForwards.itemRejected(data.bundleId(), data.reservationId(), code.slug()))
                : answer(List.of(), Operation.REJECT_SELECTION,
                ForwardData.reject(data.reservationId(), data.windowId(), code.slug()));
    }

    private static Outcome<WindowEvent> release(final WindowSlots state, final String commandId,
                                                final ForwardData data, final Instant now) {
        if (state == null) {
            return Outcome.nothing();
        }
        final Optional<Slot> held = state.resource(data.resourceId())
                .filter(slot -> data.reservationId().equals(slot.heldBy()));
        if (held.isEmpty()) {
            return Outcome.nothing(); // releasing what this reservation does not hold is a no-op: a release is idempotent
        }
        final Slot slot = held.get();
        final List<WindowEvent> events = new ArrayList<>(List.of(
                new ResourceReleased(commandId, now, state.id(), slot.id(), slot.type(), data.reservationId())));
        final Optional<Outcome<WindowEvent>> promoted = Waitlists.promote(state, slot, now);
        promoted.ifPresent(promotion -> events.addAll(promotion.events()));
        return new Outcome<>(events, promoted.map(Outcome::forwards).orElse(List.of()), null);
    }

    private static ForwardData confirmation(final ForwardData request, final Slot slot) {
        return ForwardData.confirm(request.reservationId(), request.windowId(), slot.id(), slot.type());
    }

    /** The answer goes to the reservation, or, for an item of a bundle, to the bundle, which decides for all. */
    private static Outcome<WindowEvent> answer(final List<WindowEvent> events, final Operation operation,
                                               final ForwardData data) {
        return new Outcome<>(events, List.of(EntityWrite.of(operation, data)), null);
    }
}
