package io.reservations.contract;

import java.time.Instant;

/**
 * Events of {@code reservation.events}, keyed by reservation id. {@link SelectionStarted} is not in the
 * design's list: it records the SELECTING state, so that folding a reservation's events gives exactly the
 * state its master holds, including a selection in flight.
 */
public sealed interface ReservationEvent
        permits ReservationCreated, SelectionStarted, ResourceSelected, SelectionRejected, ReservationCancelled,
        ResourceHeld, HoldConfirmed, HoldExpired, Waitlisted {

    String commandId();

    Instant occurredAt();

    String reservationId();

    String windowId();
}
