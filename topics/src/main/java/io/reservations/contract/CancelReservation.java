package io.reservations.contract;

public record CancelReservation(String commandId, String reservationId) implements ReservationCommand {

    public CancelReservation {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
    }
}
