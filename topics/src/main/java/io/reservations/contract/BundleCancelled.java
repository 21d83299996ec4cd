package io.reservations.contract;

import java.time.Instant;

/** The bundle was cancelled: every item still active is cancelled and its resource released. */
public record BundleCancelled(String commandId, Instant occurredAt, String bundleId) implements BundleEvent {
}
