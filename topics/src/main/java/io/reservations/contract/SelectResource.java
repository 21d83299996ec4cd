package io.reservations.contract;

public record SelectResource(String commandId, String reservationId, String resourceType, String requestHash)
        implements ReservationCommand {

    public SelectResource {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        Ids.require("resource_type", resourceType);
    }

    public SelectResource(final String commandId, final String reservationId, final String resourceType) {
        this(commandId, reservationId, resourceType, null);
    }
}
