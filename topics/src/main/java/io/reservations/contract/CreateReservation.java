package io.reservations.contract;

public record CreateReservation(String commandId, String reservationId, String windowId, String requestHash)
        implements ReservationCommand {

    public CreateReservation {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        Ids.require("window_id", windowId);
    }

    public CreateReservation(final String commandId, final String reservationId, final String windowId) {
        this(commandId, reservationId, windowId, null);
    }
}
