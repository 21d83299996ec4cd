package io.reservations.contract;

import java.time.Instant;

/** An item was refused ({@code code}; {@code selection-timeout} when the bundle ran past its deadline): nothing is held. */
public record BundleRejected(String commandId, Instant occurredAt, String bundleId, String code,
                             String failedReservationId) implements BundleEvent {
}
