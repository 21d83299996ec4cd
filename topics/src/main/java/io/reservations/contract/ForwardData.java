package io.reservations.contract;

import java.time.Instant;

/**
 * The payload of a {@link ForwardWrite}; which fields are set depends on the operation.
 *
 * @param result           for RELEASE_RESOURCE of a cancel: the cancel's result, published by the window's master
 *                         once the resource is free again, so a client that sees it sees the resource available
 * @param reservationOwner for ALLOCATE_RESOURCE: the reservation's owner, to whom (and admins) the window shows
 *                         who holds the resource
 * @param waitlist         for ALLOCATE_RESOURCE: true to join the type's line when no resource is free; for
 *                         CONFIRM_SELECTION: true when the resource went to the selection from the line
 * @param waitlistPosition for WAITLIST_SELECTION: the reservation's place in the line when it joined (1 for the first)
 * @param bundleId         for the bundle operations: the bundle (the reservation is one of its items); for
 *                         ALLOCATE_RESOURCE: the bundle the window answers instead of the reservation
 * @param bundleStep       for SETTLE_BUNDLE_ITEM, and its answer BUNDLE_ITEM_SETTLED: what the item is to apply
 * @param holdExpiresAt    for SETTLE_BUNDLE_ITEM with HOLD: the bundle's hold's end, the item's too
 * @param requestedBy      for SELECT_FOR_BUNDLE: the bundle's creator, who must be allowed to act on the reservation
 * @param requestedByAdmin for SELECT_FOR_BUNDLE: whether that creator is an admin (absent is false)
 */
public record ForwardData(String reservationId, String windowId, String resourceId, String resourceType,
                          String reason, CommandResult result, String reservationOwner, Boolean waitlist,
                          Integer waitlistPosition, String bundleId, BundleStep bundleStep, Instant holdExpiresAt,
                          String requestedBy, Boolean requestedByAdmin) {

    public ForwardData {
        waitlist = Boolean.TRUE.equals(waitlist) ? Boolean.TRUE : null;
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin) ? Boolean.TRUE : null;
    }

    public ForwardData(final String reservationId, final String windowId, final String resourceId,
                       final String resourceType, final String reason, final CommandResult result,
                       final String reservationOwner, final Boolean waitlist, final Integer waitlistPosition) {
        this(reservationId, windowId, resourceId, resourceType, reason, result, reservationOwner, waitlist,
                waitlistPosition, null, null, null, null, null);
    }

    public ForwardData(final String reservationId, final String windowId, final String resourceId,
                       final String resourceType, final String reason, final CommandResult result,
                       final String reservationOwner) {
        this(reservationId, windowId, resourceId, resourceType, reason, result, reservationOwner, null, null);
    }

    public ForwardData(final String reservationId, final String windowId, final String resourceId,
                       final String resourceType, final String reason, final CommandResult result) {
        this(reservationId, windowId, resourceId, resourceType, reason, result, null);
    }

    /** An allocation that joins the type's line when no resource is free. */
    public static ForwardData allocateOrWait(final String reservationId, final String windowId,
                                             final String resourceType, final String reservationOwner) {
        return new ForwardData(reservationId, windowId, null, resourceType, null, null, reservationOwner, true, null);
    }

    /** The window's answer to a selection that waited in line: this resource came free and is held for it. */
    public static ForwardData promoted(final String reservationId, final String windowId, final String resourceId,
                                       final String resourceType) {
        return new ForwardData(reservationId, windowId, resourceId, resourceType, null, null, null, true, null);
    }

    /** The window's answer: the selection waits in the type's line at {@code position}. */
    public static ForwardData waitlisted(final String reservationId, final String windowId, final String resourceType,
                                         final int position) {
        return new ForwardData(reservationId, windowId, null, resourceType, null, null, null, null, position);
    }

    /** The reservation leaves the type's line. */
    public static ForwardData leave(final String reservationId, final String windowId, final String resourceType) {
        return new ForwardData(reservationId, windowId, null, resourceType, null, null);
    }

    /** Whether an allocation joins the line when no resource is free. */
    public boolean waitsInLine() {
        return Boolean.TRUE.equals(waitlist);
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
        return new ForwardData(reservationId, windowId, resourceId, resourceType, reason, commandResult, reservationOwner,
                waitlist, waitlistPosition, bundleId, bundleStep, holdExpiresAt, requestedBy, requestedByAdmin);
    }
}
