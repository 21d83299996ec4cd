package io.reservations.contract;

import java.time.Instant;

/**
 * @param fromWaitlist true when the resource went to the head of the type's line as it came free (the event then
 *                     carries the waiting selection's {@code command_id}); absent for an ordinary allocation
 */
public record ResourceAllocated(String commandId, Instant occurredAt, String windowId, String resourceId,
                                String resourceType, String reservationId, Boolean fromWaitlist) implements WindowEvent {

    public ResourceAllocated {
        fromWaitlist = Boolean.TRUE.equals(fromWaitlist) ? Boolean.TRUE : null;
    }

    public ResourceAllocated(final String commandId, final Instant occurredAt, final String windowId,
                             final String resourceId, final String resourceType, final String reservationId) {
        this(commandId, occurredAt, windowId, resourceId, resourceType, reservationId, null);
    }
}
