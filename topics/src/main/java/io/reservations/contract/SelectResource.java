package io.reservations.contract;

/**
 * @param requestedBy the subject whose ownership of the reservation is checked; null for admins and when the API
 *                    runs without authentication
 */
public record SelectResource(String commandId, String reservationId, String resourceType, String requestHash,
                             String requestedBy) implements ReservationCommand {

    public SelectResource {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        Ids.require("resource_type", resourceType);
    }

    public SelectResource(final String commandId, final String reservationId, final String resourceType) {
        this(commandId, reservationId, resourceType, null, null);
    }
}
