package io.reservations.processor.domain;

import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.Operation;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.WindowEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A window's lines, one per resource type: a selection that asked to wait joins the end when nothing of its type is
 * free, leaves when its reservation no longer waits, and the head gets a resource of the type in the same step that
 * frees it, so no resource is ever free while someone waits for its type.
 */
final class Waitlists {

    /** The longest line of one type. */
    static final int LONGEST = 10_000;

    private Waitlists() {
    }

    /** No resource of the type is free: join the end of its line, or stay where it is if it already waits. */
    static Outcome<WindowEvent> join(final WindowSlots state, final String commandId, final ForwardData data,
                                     final Instant now) {
        if (!state.declares(data.resourceType())) {
            return reject(data, ErrorCode.NO_RESOURCE_AVAILABLE);
        }
        final List<WindowEvent> events = new ArrayList<>();
        final Optional<WaitingSelection> already = state.inLine(data.reservationId());
        if (already.isPresent() && already.get().commandId().equals(commandId)) {
            return waitlisted(events, already.get(), state.id()); // the same allocation again
        }
        int ahead = state.waiting(data.resourceType());
        if (already.isPresent()) {
            // a reservation has one selection at a time: an older one that still waits is over
            events.add(left(already.get(), now, state.id()));
            ahead -= already.get().resourceType().equals(data.resourceType()) ? 1 : 0;
        }
        if (ahead >= LONGEST) {
            return new Outcome<>(events, List.of(EntityWrite.of(Operation.REJECT_SELECTION,
                    ForwardData.reject(data.reservationId(), data.windowId(), ErrorCode.WAITLIST_FULL.slug()))), null);
        }
        final WaitingSelection joined = new WaitingSelection(data.reservationId(), data.resourceType(), commandId,
                data.reservationOwner(), ahead + 1);
        events.add(new WaitlistJoined(commandId, now, state.id(), joined.resourceType(), joined.reservationId(),
                joined.position()));
        return waitlisted(events, joined, state.id());
    }

    /** The reservation no longer waits for the selection {@code commandId}: out of the line, if it is still in it. */
    static Outcome<WindowEvent> leave(final WindowSlots state, final String commandId, final ForwardData data,
                                      final Instant now) {
        if (state == null) {
            return Outcome.nothing();
        }
        return state.inLine(data.reservationId()).filter(waiting -> waiting.commandId().equals(commandId))
                .<Outcome<WindowEvent>>map(waiting -> new Outcome<>(List.of(left(waiting, now, state.id())), List.of(), null))
                .orElseGet(Outcome::nothing);
    }

    /**
     * A resource of the type came free in this step: the head of its line gets it, on behalf of the waiting select.
     * Empty when nobody waits.
     */
    static Optional<Outcome<WindowEvent>> promote(final WindowSlots state, final Slot freed, final Instant now) {
        return state.firstInLine(freed.type()).map(head -> new Outcome<>(
                List.of(new ResourceAllocated(head.commandId(), now, state.id(), freed.id(), freed.type(),
                        head.reservationId(), true)),
                List.of(EntityWrite.forCommand(head.commandId(), Operation.CONFIRM_SELECTION,
                        ForwardData.promoted(head.reservationId(), state.id(), freed.id(), freed.type()))), null));
    }

    private static WaitlistLeft left(final WaitingSelection waiting, final Instant now, final String windowId) {
        return new WaitlistLeft(waiting.commandId(), now, windowId, waiting.resourceType(), waiting.reservationId());
    }

    private static Outcome<WindowEvent> waitlisted(final List<WindowEvent> events, final WaitingSelection waiting,
                                                   final String windowId) {
        return new Outcome<>(events, List.of(EntityWrite.of(Operation.WAITLIST_SELECTION, ForwardData.waitlisted(
                waiting.reservationId(), windowId, waiting.resourceType(), waiting.position()))), null);
    }

    private static Outcome<WindowEvent> reject(final ForwardData data, final ErrorCode code) {
        return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.REJECT_SELECTION,
                ForwardData.reject(data.reservationId(), data.windowId(), code.slug()))), null);
    }
}
