package io.reservations.contract;

import java.time.Instant;

/** The reservation is HELD with the resource until {@code holdExpiresAt} (the step's time plus the hold). */
public record ResourceHeld(String commandId, Instant occurredAt, String reservationId, String windowId,
                           String resourceId, String resourceType, Instant holdExpiresAt) implements ReservationEvent {
}
