package io.reservations.auditor;

import io.reservations.contract.BundleCancelled;
import io.reservations.contract.BundleConfirmed;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleExpired;
import io.reservations.contract.BundleHeld;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleRejected;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.BundleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each bundle's status and items as its events tell them, and which bundle each reservation was last part of. */
final class Bundles {

    /** @param due when a SELECTING or HELD bundle must have ended */
    record Tracked(String id, BundleStatus status, List<String> reservationIds, Instant due, String lastRecord) {
    }

    private final Map<String, Tracked> bundles = new HashMap<>();
    private final Map<String, String> bundleOf = new HashMap<>();
    private final Duration selectionTimeout;

    Bundles(final Duration selectionTimeout) {
        this.selectionTimeout = selectionTimeout;
    }

    Tracked apply(final BundleEvent event, final String where) {
        final Tracked before = bundles.getOrDefault(event.bundleId(),
                new Tracked(event.bundleId(), BundleStatus.SELECTING, List.of(), null, where));
        final Tracked after;
        if (event instanceof BundleStarted started) {
            final List<String> items = started.items().stream().map(BundleItem::reservationId).toList();
            items.forEach(reservationId -> bundleOf.put(reservationId, started.bundleId()));
            after = new Tracked(before.id(), BundleStatus.SELECTING, items,
                    started.occurredAt().plus(selectionTimeout), where);
        } else if (event instanceof BundleHeld held) {
            after = moved(before, BundleStatus.HELD, held.holdExpiresAt(), where);
        } else if (event instanceof BundleConfirmed) {
            after = moved(before, BundleStatus.CONFIRMED, null, where);
        } else if (event instanceof BundleRejected) {
            after = moved(before, BundleStatus.REJECTED, null, where);
        } else if (event instanceof BundleExpired) {
            after = moved(before, BundleStatus.EXPIRED, null, where);
        } else if (event instanceof BundleCancelled) {
            after = moved(before, BundleStatus.CANCELLED, null, where);
        } else {
            throw new IllegalArgumentException("Unknown bundle event " + event);
        }
        bundles.put(after.id(), after);
        return after;
    }

    Tracked get(final String bundleId) {
        return bundles.get(bundleId);
    }

    /** The bundle the reservation was last an item of, if any. */
    Tracked of(final String reservationId) {
        final String bundleId = bundleOf.get(reservationId);
        return bundleId == null ? null : bundles.get(bundleId);
    }

    private static Tracked moved(final Tracked before, final BundleStatus status, final Instant due,
                                 final String where) {
        return new Tracked(before.id(), status, before.reservationIds(), due, where);
    }
}
