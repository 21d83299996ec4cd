package io.reservations.contract;

import java.time.Instant;

public record ReservationCreated(String commandId, Instant occurredAt, String reservationId, String windowId,
                                 String owner) implements ReservationEvent {

    public ReservationCreated(final String commandId, final Instant occurredAt, final String reservationId,
                              final String windowId) {
        this(commandId, occurredAt, reservationId, windowId, null);
    }
}
