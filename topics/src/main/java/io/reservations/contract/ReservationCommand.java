package io.reservations.contract;

/** Commands published to {@code reservation.commands}, keyed by reservation id. */
public sealed interface ReservationCommand permits CreateReservation, SelectResource, CancelReservation {

    String commandId();

    String reservationId();
}
