package io.reservations.contract;

import java.time.Instant;

/**
 * The reservation left the window's line for the type without a resource: cancelled, its wait ran out, or its
 * selection had ended before the join reached it. A promotion removes the entry without this event.
 */
public record WaitlistLeft(String commandId, Instant occurredAt, String windowId, String resourceType,
                           String reservationId) implements WindowEvent {
}
