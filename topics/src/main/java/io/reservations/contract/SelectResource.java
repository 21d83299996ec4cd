package io.reservations.contract;

/**
 * @param holdFor          ISO-8601 duration (1 s to 24 h) to hold the resource before a confirm; null selects for good
 * @param requestedBy      the caller's subject
 * @param requestedByAdmin whether the caller is an admin, who may act on any owner's reservation; anyone else
 *                         must be the owner (a command without a subject is refused)
 */
public record SelectResource(String commandId, String reservationId, String resourceType, String requestHash,
                             String requestedBy, Boolean requestedByAdmin, String holdFor) implements ReservationCommand {

    public SelectResource {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin); // absent (older writers) is false
        Ids.require("resource_type", resourceType);
    }

    /** A selection for good (no hold). */
    public SelectResource(final String commandId, final String reservationId, final String resourceType,
                          final String requestHash, final String requestedBy, final Boolean requestedByAdmin) {
        this(commandId, reservationId, resourceType, requestHash, requestedBy, requestedByAdmin, null);
    }

    /** An admin's selection, as tools and tests send it. */
    public SelectResource(final String commandId, final String reservationId, final String resourceType) {
        this(commandId, reservationId, resourceType, null, null, true, null);
    }
}
