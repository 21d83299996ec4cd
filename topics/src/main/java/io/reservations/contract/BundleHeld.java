package io.reservations.contract;

import java.time.Instant;
import java.util.List;

/** Every item holds its resource until {@code holdExpiresAt}. */
public record BundleHeld(String commandId, Instant occurredAt, String bundleId, List<BundleItem> items,
                         Instant holdExpiresAt) implements BundleEvent {

    public BundleHeld {
        items = List.copyOf(items);
    }
}
