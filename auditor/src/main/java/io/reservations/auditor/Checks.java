package io.reservations.auditor;

import io.reservations.auditor.Windows.Line;
import io.reservations.auditor.Windows.Resource;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.ReservationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The checks of one entity after an event touched it: each opens or clears its suspicions. */
final class Checks {

    private static final Set<ReservationStatus> HOLDING = EnumSet.of(ReservationStatus.CONFIRMED, ReservationStatus.HELD);
    private static final Set<ReservationStatus> INACTIVE = EnumSet.of(ReservationStatus.PENDING,
            ReservationStatus.CANCELLED, ReservationStatus.EXPIRED);
    private static final Set<ReservationStatus> OPEN = EnumSet.of(ReservationStatus.SELECTING,
            ReservationStatus.WAITLISTED, ReservationStatus.HELD);

    private final Windows windows;
    private final Reservations reservations;
    private final Bundles bundles;
    private final Suspicions suspicions;

    Checks(final Windows windows, final Reservations reservations, final Bundles bundles,
           final Suspicions suspicions) {
        this.windows = windows;
        this.reservations = reservations;
        this.bundles = bundles;
        this.suspicions = suspicions;
    }

    /** What the reservation holds against its status, its saga's deadline, and its bundle's promise. */
    void reservation(final String id, final Instant at) {
        final Reservations.Tracked reservation = reservations.get(id);
        final Set<Resource> held = windows.heldBy(id);
        final ReservationStatus status = reservation == null ? null : reservation.status();
        final boolean mismatch = status == null ? !held.isEmpty() : HOLDING.contains(status)
                && !held.equals(Set.of(new Resource(reservation.windowId(), reservation.resourceId())));
        if (mismatch) {
            suspicions.raise(holdings(Invariant.HOLDER_MISMATCH, id, reservation, held,
                    "the windows say " + id + " holds " + held + "; it is " + status
                            + (status == null ? "" : " with " + reservation.resourceId())), at);
        } else {
            suspicions.clear(Invariant.HOLDER_MISMATCH, id);
        }
        if (INACTIVE.contains(status) && !held.isEmpty()) {
            suspicions.raise(holdings(Invariant.INACTIVE_HOLDS, id, reservation, held,
                    id + " is " + status + " and holds " + held), at);
        } else {
            suspicions.clear(Invariant.INACTIVE_HOLDS, id);
        }
        // a bundle's items keep no timers of their own: the bundle's deadline covers them
        if (OPEN.contains(status) && reservation.bundleId() == null && reservation.due() != null) {
            suspicions.raise(new Finding(Invariant.SAGA_PAST_DEADLINE, "reservation " + id, List.of(id),
                    List.of(reservation.lastRecord()), id + " still " + status + " past " + reservation.due()),
                    reservation.due());
        } else {
            suspicions.clear(Invariant.SAGA_PAST_DEADLINE, "reservation " + id);
        }
        final Bundles.Tracked bundle = bundles.of(id);
        if (bundle != null) {
            bundle(bundle, at);
        }
    }

    /** All of the bundle's items allocated or none, as its status says; its deadline while open. */
    void bundle(final Bundles.Tracked bundle, final Instant at) {
        final List<String> broken = new ArrayList<>();
        for (final String item : bundle.reservationIds()) {
            final boolean holds = !windows.heldBy(item).isEmpty();
            final Reservations.Tracked reservation = reservations.get(item);
            final boolean kept = switch (bundle.status()) {
                case SELECTING -> true;
                case HELD -> holds;
                // from here on its items are ordinary reservations: confirmed, or cancelled since
                case CONFIRMED -> reservation != null && (reservation.status() == ReservationStatus.CONFIRMED
                        || reservation.status() == ReservationStatus.CANCELLED);
                case REJECTED, EXPIRED, CANCELLED -> !holds;
            };
            if (!kept) {
                broken.add(item);
            }
        }
        if (broken.isEmpty()) {
            suspicions.clear(Invariant.BUNDLE_ALL_OR_NONE, bundle.id());
        } else {
            final List<String> ids = new ArrayList<>(List.of(bundle.id()));
            ids.addAll(broken);
            suspicions.raise(new Finding(Invariant.BUNDLE_ALL_OR_NONE, bundle.id(), ids, List.of(bundle.lastRecord()),
                    "bundle " + bundle.id() + " is " + bundle.status() + " but its items " + broken + " disagree"), at);
        }
        final boolean open = bundle.status() == BundleStatus.SELECTING || bundle.status() == BundleStatus.HELD;
        if (open && bundle.due() != null) {
            suspicions.raise(new Finding(Invariant.SAGA_PAST_DEADLINE, "bundle " + bundle.id(), List.of(bundle.id()),
                    List.of(bundle.lastRecord()), "bundle " + bundle.id() + " still " + bundle.status() + " past "
                    + bundle.due()), bundle.due());
        } else {
            suspicions.clear(Invariant.SAGA_PAST_DEADLINE, "bundle " + bundle.id());
        }
    }

    /** No free resource of the line's type while someone waits in it. */
    void line(final Line line, final String where, final Instant at) {
        final int free = windows.free(line);
        if (free > 0 && windows.waiting(line) > 0) {
            suspicions.raise(new Finding(Invariant.FREE_WHILE_WAITING, line.toString(),
                    List.of(line.windowId(), line.type(), windows.firstWaiting(line)), List.of(where),
                    free + " free " + line.type() + " in " + line.windowId() + " while " + windows.waiting(line)
                            + " wait, first " + windows.firstWaiting(line)), at);
        } else {
            suspicions.clear(Invariant.FREE_WHILE_WAITING, line.toString());
        }
    }

    private Finding holdings(final Invariant invariant, final String id, final Reservations.Tracked reservation,
                             final Set<Resource> held, final String detail) {
        final List<String> ids = new ArrayList<>(List.of(id));
        final List<String> records = new ArrayList<>();
        if (reservation != null) {
            records.add(reservation.lastRecord());
        }
        for (final Resource resource : held) {
            ids.add(resource.toString());
            records.add(windows.slot(resource).allocatedAt());
        }
        records.removeIf(Objects::isNull);
        return new Finding(invariant, id, ids, records, detail);
    }
}
