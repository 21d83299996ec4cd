package io.reservations.contract;

import java.time.Instant;

public record ResourceSelected(String commandId, Instant occurredAt, String reservationId, String windowId,
                               String resourceId, String resourceType) implements ReservationEvent {
}
