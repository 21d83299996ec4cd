package io.reservations.contract;

/** @param requestedBy as for {@link SelectResource}, and {@code requestedByAdmin} */
public record CancelReservation(String commandId, String reservationId, String requestHash, String requestedBy,
                                Boolean requestedByAdmin) implements ReservationCommand {

    public CancelReservation {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin); // absent (older writers) is false
    }

    /** An admin's cancel, as tools and tests send it. */
    public CancelReservation(final String commandId, final String reservationId) {
        this(commandId, reservationId, null, null, true);
    }
}
