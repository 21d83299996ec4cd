package io.reservations.contract;

import java.util.List;

/**
 * Selects a resource for each item's reservation, all or none. The bounds (2 to 20 items, each reservation once,
 * {@code hold_for} as for {@link SelectResource}) are checked by the API and again by the bundle's master.
 *
 * @param holdFor ISO-8601 duration (1 s to 24 h): the bundle ends HELD until then; null selects for good
 */
public record CreateBundle(String commandId, String bundleId, List<BundleItem> items, String holdFor,
                           String requestHash, String requestedBy, Boolean requestedByAdmin) implements BundleCommand {

    public static final int MIN_ITEMS = 2;
    public static final int MAX_ITEMS = 20;

    public CreateBundle {
        Ids.require("command_id", commandId);
        Ids.require("bundle_id", bundleId);
        items = List.copyOf(Ids.requirePresent("items", items));
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin); // absent is false
    }

    /** Whether the items are within the contract's bounds: 2 to 20, each reservation once, none holding a resource. */
    public boolean itemsWithinBounds() {
        return items.size() >= MIN_ITEMS && items.size() <= MAX_ITEMS
                && items.stream().map(BundleItem::reservationId).distinct().count() == items.size()
                && items.stream().allMatch(item -> item.selectedResource() == null);
    }
}
