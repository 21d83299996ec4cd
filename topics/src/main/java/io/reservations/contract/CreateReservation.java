package io.reservations.contract;

/**
 * @param owner the creator's subject, who alone (with admins) may read and change the reservation; null when the
 *              API runs without authentication
 */
public record CreateReservation(String commandId, String reservationId, String windowId, String requestHash,
                                String owner) implements ReservationCommand {

    public CreateReservation {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        Ids.require("window_id", windowId);
    }

    @Override
    public String requestedBy() {
        return owner;
    }

    @Override
    public Boolean requestedByAdmin() {
        return false; // creation checks no ownership
    }

    public CreateReservation(final String commandId, final String reservationId, final String windowId) {
        this(commandId, reservationId, windowId, null, null);
    }
}
