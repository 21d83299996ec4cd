package io.reservations.contract;

/** Makes a HELD reservation CONFIRMED before its hold runs out. {@code requestedBy} as for {@link SelectResource}. */
public record ConfirmHold(String commandId, String reservationId, String requestHash, String requestedBy,
                          Boolean requestedByAdmin) implements ReservationCommand {

    public ConfirmHold {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin); // absent is false
    }

    /** An admin's confirm, as tools and tests send it. */
    public ConfirmHold(final String commandId, final String reservationId) {
        this(commandId, reservationId, null, null, true);
    }
}
