package io.reservations.contract;

import java.time.Instant;

/** The bundle's hold ran out before a confirm: every item's resource is released. */
public record BundleExpired(String commandId, Instant occurredAt, String bundleId) implements BundleEvent {
}
