package io.reservations.contract;

import java.time.Instant;
import java.util.List;

/** The bundle is SELECTING its items for {@code owner}; {@code hold_for} when it is to end HELD. */
public record BundleStarted(String commandId, Instant occurredAt, String bundleId, String owner,
                            List<BundleItem> items, String holdFor) implements BundleEvent {

    public BundleStarted {
        items = List.copyOf(items);
    }
}
