package io.reservations.auditor;

import io.reservations.contract.BundleEvent;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.auditor.Windows.Line;
import io.reservations.auditor.Windows.Resource;
import io.reservations.auditor.Windows.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The auditor's state and checks, fed the three event topics record by record in each partition's order (no
 * Kafka here). A resource given to a second reservation is reported at once; every other broken promise only if
 * it lasts the grace ({@link #due}), since the entities of one saga are on different partitions and a step may be
 * in flight.
 */
public final class Audit {

    private final Windows windows = new Windows();
    private final Reservations reservations;
    private final Bundles bundles;
    private final Suspicions suspicions;
    private final Checks checks;

    /**
     * @param grace            how long a broken promise may last before it is reported: at least a failover
     * @param selectionTimeout the processor's: how long a selection or a bundle may wait for its windows
     */
    public Audit(final Duration grace, final Duration selectionTimeout) {
        this.reservations = new Reservations(selectionTimeout);
        this.bundles = new Bundles(selectionTimeout);
        this.suspicions = new Suspicions(grace);
        this.checks = new Checks(windows, reservations, bundles, suspicions);
    }

    /** A window's event at {@code where} (topic-partition@offset); returns a resource held twice, if it made one. */
    public List<Violation> window(final WindowEvent event, final String where) {
        final Instant at = event.occurredAt();
        if (event instanceof WindowCreated created) {
            created.resources().forEach(spec -> windows.create(new Resource(created.windowId(), spec.id()), spec.type()));
            return List.of();
        }
        if (event instanceof ResourceAllocated allocated) {
            final Resource resource = new Resource(allocated.windowId(), allocated.resourceId());
            final Line line = new Line(allocated.windowId(), allocated.resourceType());
            if (Boolean.TRUE.equals(allocated.fromWaitlist())) {
                windows.leave(line, allocated.reservationId());
            }
            final Slot before = windows.allocate(resource, allocated.resourceType(), allocated.reservationId(), where);
            checks.reservation(allocated.reservationId(), at);
            checks.line(line, where, at);
            if (before.holder() == null || before.holder().equals(allocated.reservationId())) {
                return List.of();
            }
            checks.reservation(before.holder(), at);
            return List.of(new Violation(Invariant.RESOURCE_HELD_TWICE,
                    List.of(resource.toString(), before.holder(), allocated.reservationId()),
                    List.of(before.allocatedAt(), where),
                    resource + " allocated to " + allocated.reservationId() + " while " + before.holder()
                            + " holds it", at, at));
        }
        if (event instanceof ResourceReleased released) {
            windows.release(new Resource(released.windowId(), released.resourceId()), released.reservationId());
            checks.reservation(released.reservationId(), at);
            checks.line(new Line(released.windowId(), released.resourceType()), where, at);
        } else if (event instanceof WaitlistJoined joined) {
            windows.join(new Line(joined.windowId(), joined.resourceType()), joined.reservationId());
            checks.line(new Line(joined.windowId(), joined.resourceType()), where, at);
        } else if (event instanceof WaitlistLeft left) {
            windows.leave(new Line(left.windowId(), left.resourceType()), left.reservationId());
            checks.line(new Line(left.windowId(), left.resourceType()), where, at);
        }
        return List.of();
    }

    public void reservation(final ReservationEvent event, final String where) {
        reservations.apply(event, where);
        checks.reservation(event.reservationId(), event.occurredAt());
    }

    public void bundle(final BundleEvent event, final String where) {
        checks.bundle(bundles.apply(event, where), event.occurredAt());
    }

    /** What broke a promise for longer than its grace, as of {@code now}; each reported once. */
    public List<Violation> due(final Instant now) {
        return suspicions.due(now);
    }

    /** How many states are suspect now (in flight, or already reported and not yet put right). */
    public int suspect() {
        return suspicions.open();
    }
}
