package io.reservations.contract;

/** Commands published to {@code reservation.commands}, keyed by reservation id. */
public sealed interface ReservationCommand permits CreateReservation, SelectResource, CancelReservation {

    String commandId();

    String reservationId();

    /**
     * A digest of the request a client sent under an idempotency key (null without one). A result carries the
     * digest of the request that produced it, so a key reused for another request is recognised.
     */
    String requestHash();

    /** The subject whose ownership is checked, or null (creation, admins, authentication off). */
    default String requestedBy() {
        return null;
    }
}
