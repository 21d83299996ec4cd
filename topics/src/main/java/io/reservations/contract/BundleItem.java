package io.reservations.contract;

/**
 * One reservation of a bundle and the type it selects.
 *
 * @param selectedResource the resource it holds once the bundle is CONFIRMED or HELD; absent before and otherwise
 */
public record BundleItem(String reservationId, String resourceType, SelectedResource selectedResource) {

    public BundleItem {
        Ids.require("reservation_id", reservationId);
        Ids.require("resource_type", resourceType);
    }

    public BundleItem(final String reservationId, final String resourceType) {
        this(reservationId, resourceType, null);
    }

    public BundleItem holding(final SelectedResource resource) {
        return new BundleItem(reservationId, resourceType, resource);
    }
}
