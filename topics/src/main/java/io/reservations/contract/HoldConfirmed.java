package io.reservations.contract;

import java.time.Instant;

/** A confirm before the hold ran out: the reservation is CONFIRMED with the resource it held. */
public record HoldConfirmed(String commandId, Instant occurredAt, String reservationId, String windowId,
                            String resourceId) implements ReservationEvent {
}
