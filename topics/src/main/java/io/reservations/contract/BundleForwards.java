package io.reservations.contract;

import java.time.Instant;

/**
 * The {@link ForwardData} of a bundle's saga: the bundle's master asking its items, the items and their windows
 * answering it. Each names the bundle; the item's reservation is the record's key unless said otherwise.
 */
public final class BundleForwards {

    private BundleForwards() {
    }

    /** The bundle asks its item for a resource of the type; {@code requestedBy} must be allowed to act on it. */
    public static ForwardData selectForBundle(final String bundleId, final String reservationId,
                                              final String resourceType, final String requestedBy,
                                              final boolean requestedByAdmin) {
        return new ForwardData(reservationId, null, null, resourceType, null, null, null, null, null, bundleId, null,
                null, requestedBy, requestedByAdmin);
    }

    /** An item's allocation for its bundle: the window answers the bundle ({@code BUNDLE_ITEM_SELECTED} or _REJECTED). */
    public static ForwardData allocateForBundle(final String reservationId, final String windowId,
                                                final String resourceType, final String reservationOwner,
                                                final String bundleId) {
        return new ForwardData(reservationId, windowId, null, resourceType, null, null, reservationOwner, null, null,
                bundleId, null, null, null, null);
    }

    /** The window's answer to an item's allocation: it holds this resource for the item. */
    public static ForwardData itemSelected(final String bundleId, final String reservationId, final String windowId,
                                           final String resourceId, final String resourceType) {
        return new ForwardData(reservationId, windowId, resourceId, resourceType, null, null, null, null, null,
                bundleId, null, null, null, null);
    }

    /** The answer for an item: refused, with the reason. */
    public static ForwardData itemRejected(final String bundleId, final String reservationId, final String reason) {
        return new ForwardData(reservationId, null, null, null, reason, null, null, null, null, bundleId, null, null,
                null, null);
    }

    /** The bundle moved: the item is to apply {@code step}. */
    public static ForwardData settle(final String bundleId, final String reservationId, final BundleStep step) {
        return new ForwardData(reservationId, null, null, null, null, null, null, null, null, bundleId, step,
                null, null, null);
    }

    /** The bundle is CONFIRMED ({@code holdExpiresAt} null) or HELD: the item is to hold the resource its window gave. */
    public static ForwardData settleHolding(final String bundleId, final String reservationId,
                                            final SelectedResource resource, final Instant holdExpiresAt) {
        return new ForwardData(reservationId, null, resource.id(), resource.type(), null, null, null, null, null,
                bundleId, holdExpiresAt == null ? BundleStep.CONFIRM : BundleStep.HOLD, holdExpiresAt, null, null);
    }

    /** The bundle is REJECTED with {@code code}: the item is to go back to PENDING. */
    public static ForwardData settleRejected(final String bundleId, final String reservationId, final String code) {
        return new ForwardData(reservationId, null, null, null, code, null, null, null, null, bundleId,
                BundleStep.RELEASE, null, null, null);
    }

    /** The item applied {@code step}. */
    public static ForwardData settled(final String bundleId, final String reservationId, final BundleStep step) {
        return new ForwardData(reservationId, null, null, null, null, null, null, null, null, bundleId, step, null,
                null, null);
    }

    /** The bundle's timer is due. */
    public static ForwardData expireBundle(final String bundleId) {
        return new ForwardData(null, null, null, null, null, null, null, null, null, bundleId, null, null, null, null);
    }
}
