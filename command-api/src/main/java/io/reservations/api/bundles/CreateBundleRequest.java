package io.reservations.api.bundles;

import io.reservations.contract.BundleItem;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.HoldDurations;
import io.reservations.contract.Ids;
import java.util.List;

/**
 * {@code POST /bundles}: 2 to 20 of the caller's own PENDING reservations, each once, with the type to select for
 * each; all of them get a resource or none does.
 *
 * @param id      the bundle's id; the server makes one when absent
 * @param holdFor ISO-8601 duration from 1 s to 24 h: the bundle ends HELD until then; absent selects for good
 */
public record CreateBundleRequest(String id, List<Item> items, String holdFor) {

    /** One reservation of the bundle and the type to select for it. */
    public record Item(String reservationId, String resourceType) {

        public Item {
            Ids.require("items[].reservation_id", reservationId);
            Ids.require("items[].resource_type", resourceType);
        }
    }

    public CreateBundleRequest {
        if (id != null) {
            Ids.require("id", id);
        }
        if (items == null || items.size() < CreateBundle.MIN_ITEMS || items.size() > CreateBundle.MAX_ITEMS) {
            throw new IllegalArgumentException("items must hold 2 to 20 reservations");
        }
        items = List.copyOf(items);
        if (items.stream().map(Item::reservationId).distinct().count() != items.size()) {
            throw new IllegalArgumentException("each reservation may be an item of the bundle once");
        }
        if (holdFor != null && HoldDurations.parse(holdFor).isEmpty()) {
            throw new IllegalArgumentException(
                    "hold_for must be an ISO-8601 duration from 1 second (PT1S) to 24 hours (PT24H), such as PT10M");
        }
    }

    /** The same request with the id the bundle gets, as its digest covers it. */
    CreateBundleRequest withId(final String bundleId) {
        return new CreateBundleRequest(bundleId, items, holdFor);
    }

    List<BundleItem> bundleItems() {
        return items.stream().map(item -> new BundleItem(item.reservationId(), item.resourceType())).toList();
    }
}
