package io.reservations.contract;

import java.time.Instant;

/**
 * The hold ran out before a confirm: the reservation is EXPIRED and the resource goes back to the window.
 * {@code commandId} is the selection's that made the hold.
 */
public record HoldExpired(String commandId, Instant occurredAt, String reservationId, String windowId,
                          String resourceId) implements ReservationEvent {
}
