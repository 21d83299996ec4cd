package io.reservations.contract;

import java.time.Instant;
import java.util.List;

/**
 * A bundle as clients see it.
 *
 * @param holdExpiresAt       while HELD: when every item's hold runs out; absent otherwise
 * @param code                once REJECTED: the refused item's code; absent otherwise
 * @param failedReservationId once REJECTED: the item that was refused; absent otherwise
 */
public record Bundle(String id, BundleStatus status, List<BundleItem> items, String owner, Instant holdExpiresAt,
                     String code, String failedReservationId) implements EntityView {

    public Bundle {
        items = List.copyOf(items);
    }
}
