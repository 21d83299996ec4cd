package io.reservations.contract;

public record CreateReservation(String commandId, String reservationId, String windowId) implements ReservationCommand {

    public CreateReservation {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        Ids.require("window_id", windowId);
    }
}
