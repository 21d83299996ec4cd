package io.reservations.contract;

/**
 * @param holdFor          ISO-8601 duration (1 s to 24 h) to hold the resource before a confirm; null selects for good
 * @param waitlist         when no resource of the type is free, wait in the window's line for one instead of being
 *                         rejected (absent is false)
 * @param waitlistFor      with {@code waitlist}: how long to wait at most (ISO-8601, 1 minute to 30 days); null for
 *                         the contract's default, 7 days
 * @param requestedBy      the caller's subject
 * @param requestedByAdmin whether the caller is an admin, who may act on any owner's reservation; anyone else
 *                         must be the owner (a command without a subject is refused)
 */
public record SelectResource(String commandId, String reservationId, String resourceType, String requestHash,
                             String requestedBy, Boolean requestedByAdmin, String holdFor, Boolean waitlist,
                             String waitlistFor) implements ReservationCommand {

    public SelectResource {
        Ids.require("command_id", commandId);
        Ids.require("reservation_id", reservationId);
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin); // absent (older writers) is false
        Ids.require("resource_type", resourceType);
        waitlist = Boolean.TRUE.equals(waitlist) ? Boolean.TRUE : null; // written only when asked for
    }

    /** A selection that does not wait in line. */
    public SelectResource(final String commandId, final String reservationId, final String resourceType,
                          final String requestHash, final String requestedBy, final Boolean requestedByAdmin,
                          final String holdFor) {
        this(commandId, reservationId, resourceType, requestHash, requestedBy, requestedByAdmin, holdFor, null, null);
    }

    /** Whether it waits in line when no resource of the type is free. */
    public boolean waitsInLine() {
        return Boolean.TRUE.equals(waitlist);
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
