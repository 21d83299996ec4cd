package io.reservations.contract;

/** Commands published to {@code reservation.commands}, keyed by reservation id. */
public sealed interface ReservationCommand permits CreateReservation, SelectResource, CancelReservation, ConfirmHold {

    String commandId();

    String reservationId();

    /**
     * A digest of the request a client sent under an idempotency key (null without one). A result carries the
     * digest of the request that produced it, so a key reused for another request is recognised.
     */
    String requestHash();

    /** The caller's subject: the owner-to-be of a creation, the subject whose ownership is checked otherwise. */
    String requestedBy();

    /** Whether the caller is an admin, who may act on any owner's reservation. */
    Boolean requestedByAdmin();
}
