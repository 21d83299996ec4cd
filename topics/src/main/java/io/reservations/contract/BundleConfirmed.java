package io.reservations.contract;

import java.time.Instant;
import java.util.List;

/** Every item holds its resource for good (from SELECTING, or a HELD bundle confirmed). */
public record BundleConfirmed(String commandId, Instant occurredAt, String bundleId, List<BundleItem> items)
        implements BundleEvent {

    public BundleConfirmed {
        items = List.copyOf(items);
    }
}
