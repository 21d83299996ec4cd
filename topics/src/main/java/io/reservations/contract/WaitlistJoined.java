package io.reservations.contract;

import java.time.Instant;

/** The reservation joined the end of the window's line for the type, at {@code waitlist_position} (1 for the first). */
public record WaitlistJoined(String commandId, Instant occurredAt, String windowId, String resourceType,
                             String reservationId, int waitlistPosition) implements WindowEvent {
}
