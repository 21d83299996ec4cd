package io.reservations.contract;

import java.time.Instant;

/** @param holdFor the hold asked for (ISO-8601), absent for a selection for good */
public record SelectionStarted(String commandId, Instant occurredAt, String reservationId, String windowId,
                               String resourceType, String holdFor) implements ReservationEvent {

    public SelectionStarted(final String commandId, final Instant occurredAt, final String reservationId,
                            final String windowId, final String resourceType) {
        this(commandId, occurredAt, reservationId, windowId, resourceType, null);
    }
}
