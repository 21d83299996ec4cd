package io.reservations.contract;

import java.time.Instant;

public record ReservationCreated(String commandId, Instant occurredAt, String reservationId, String windowId)
        implements ReservationEvent {
}
