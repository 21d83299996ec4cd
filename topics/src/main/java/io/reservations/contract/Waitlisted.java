package io.reservations.contract;

import java.time.Instant;

/**
 * No resource of the type was free: the reservation waits in the window's line at {@code waitlist_position} (1 for
 * the first) until one comes free or {@code waitlist_expires_at}.
 */
public record Waitlisted(String commandId, Instant occurredAt, String reservationId, String windowId,
                         String resourceType, int waitlistPosition, Instant waitlistExpiresAt) implements ReservationEvent {
}
