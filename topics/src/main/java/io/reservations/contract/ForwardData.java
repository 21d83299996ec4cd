package io.reservations.contract;

/**
 * The payload of a {@link ForwardWrite}; which fields are set depends on the operation.
 *
 * @param result           for RELEASE_RESOURCE of a cancel: the cancel's result, published by the window's master
 *                         once the resource is free again, so a client that sees it sees the resource available
 * @param reservationOwner for ALLOCATE_RESOURCE: the reservation's owner, to whom (and admins) the window shows
 *                         who holds the resource
 */
public record ForwardData(String reservationId, String windowId, String resourceId, String resourceType,
                          String reason, CommandResult result, String reservationOwner) {

    public ForwardData(final String reservationId, final String windowId, final String resourceId,
                       final String resourceType, final String reason, final CommandResult result) {
        this(reservationId, windowId, resourceId, resourceType, reason, result, null);
    }

    public static ForwardData allocate(final String reservationId, final String windowId, final String resourceType) {
        return allocate(reservationId, windowId, resourceType, null);
    }

    public static ForwardData allocate(final String reservationId, final String windowId, final String resourceType,
                                       final String reservationOwner) {
        return new ForwardData(reservationId, windowId, null, resourceType, null, null, reservationOwner);
    }

    public static ForwardData confirm(final String reservationId, final String windowId, final String resourceId,
                                      final String resourceType) {
        return new ForwardData(reservationId, windowId, resourceId, resourceType, null, null);
    }

    public static ForwardData reject(final String reservationId, final String windowId, final String reason) {
        return new ForwardData(reservationId, windowId, null, null, reason, null);
    }

    public static ForwardData release(final String reservationId, final String windowId, final String resourceId,
                                      final String resourceType) {
        return new ForwardData(reservationId, windowId, resourceId, resourceType, null, null);
    }

    public static ForwardData expire(final String reservationId, final String windowId) {
        return new ForwardData(reservationId, windowId, null, null, null, null);
    }

    public ForwardData withResult(final CommandResult commandResult) {
        return new ForwardData(reservationId, windowId, resourceId, resourceType, reason, commandResult, reservationOwner);
    }
}
