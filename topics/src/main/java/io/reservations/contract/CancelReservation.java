package io.reservations.contract;

/** @param requestedBy as for {@link SelectResource} */
public record CancelReservation(String commandId, String reservationId, String requestHash, String requestedBy)
        implements ReservationCommand {

    public CancelReservation {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
    }

    public CancelReservation(final String commandId, final String reservationId) {
        this(commandId, reservationId, null, null);
    }
}
