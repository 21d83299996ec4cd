package io.reservations.contract;

public record CancelReservation(String commandId, String reservationId, String requestHash) implements ReservationCommand {

    public CancelReservation {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
    }

    public CancelReservation(final String commandId, final String reservationId) {
        this(commandId, reservationId, null);
    }
}
