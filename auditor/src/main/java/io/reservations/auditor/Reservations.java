package io.reservations.auditor;

import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.Waitlisted;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Each reservation's status as its events tell it, with its resource, its bundle and when its saga is due. */
final class Reservations {

    /**
     * @param resourceId the resource a CONFIRMED or HELD reservation holds
     * @param due        when its open saga must have ended (a selection's deadline, a wait's or a hold's end)
     * @param lastRecord where its last event is
     */
    record Tracked(String id, String windowId, ReservationStatus status, String resourceId, String bundleId,
                   Instant due, String lastRecord) {
    }

    private final Map<String, Tracked> reservations = new HashMap<>();
    private final Duration selectionTimeout;

    Reservations(final Duration selectionTimeout) {
        this.selectionTimeout = selectionTimeout;
    }

    Tracked apply(final ReservationEvent event, final String where) {
        final Tracked before = reservations.getOrDefault(event.reservationId(), new Tracked(event.reservationId(),
                event.windowId(), ReservationStatus.PENDING, null, null, null, where));
        final Tracked after = next(before, event, where);
        reservations.put(after.id(), after);
        return after;
    }

    private Tracked next(final Tracked before, final ReservationEvent event, final String where) {
        if (event instanceof SelectionStarted started) {
            return new Tracked(before.id(), before.windowId(), ReservationStatus.SELECTING, null, started.bundleId(),
                    started.occurredAt().plus(selectionTimeout), where);
        }
        if (event instanceof Waitlisted waitlisted) {
            return moved(before, ReservationStatus.WAITLISTED, null, waitlisted.waitlistExpiresAt(), where);
        }
        if (event instanceof ResourceSelected selected) {
            return moved(before, ReservationStatus.CONFIRMED, selected.resourceId(), null, where);
        }
        if (event instanceof ResourceHeld held) {
            return moved(before, ReservationStatus.HELD, held.resourceId(), held.holdExpiresAt(), where);
        }
        if (event instanceof HoldConfirmed) {
            return moved(before, ReservationStatus.CONFIRMED, before.resourceId(), null, where);
        }
        if (event instanceof HoldExpired) {
            return moved(before, ReservationStatus.EXPIRED, null, null, where);
        }
        if (event instanceof ReservationCancelled) {
            return moved(before, ReservationStatus.CANCELLED, null, null, where);
        }
        if (event instanceof SelectionRejected) {
            // a live selection or a wait falls back to PENDING, out of its bundle; any other status stays
            final boolean live = before.status() == ReservationStatus.SELECTING
                    || before.status() == ReservationStatus.WAITLISTED;
            return live ? new Tracked(before.id(), before.windowId(), ReservationStatus.PENDING, null, null, null, where)
                    : moved(before, before.status(), before.resourceId(), before.due(), where);
        }
        // ReservationCreated
        return moved(before, ReservationStatus.PENDING, null, null, where);
    }

    Tracked get(final String reservationId) {
        return reservations.get(reservationId);
    }

    private static Tracked moved(final Tracked before, final ReservationStatus status, final String resourceId,
                                 final Instant due, final String where) {
        return new Tracked(before.id(), before.windowId(), status, resourceId, before.bundleId(), due, where);
    }
}
