package io.reservations.contract;

import java.time.Instant;

/** Events of {@code bundle.events}, keyed by bundle id. */
public sealed interface BundleEvent
        permits BundleStarted, BundleConfirmed, BundleHeld, BundleRejected, BundleExpired, BundleCancelled {

    String commandId();

    Instant occurredAt();

    String bundleId();
}
