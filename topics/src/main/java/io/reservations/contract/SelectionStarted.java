package io.reservations.contract;

import java.time.Instant;

public record SelectionStarted(String commandId, Instant occurredAt, String reservationId, String windowId,
                               String resourceType) implements ReservationEvent {
}
