package io.reservations.contract;

import java.time.Instant;

/** Ends the selection started by {@code command_id} without a resource; {@code reason} is an error code. */
public record SelectionRejected(String commandId, Instant occurredAt, String reservationId, String windowId,
                                String resourceType, String reason) implements ReservationEvent {
}
