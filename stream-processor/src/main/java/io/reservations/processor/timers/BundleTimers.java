package io.reservations.processor.timers;

import io.reservations.processor.domain.BundleState;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * A bundle's one timer at a time, durable in the partition's timer store ({@code b|}, due time, bundle id): its
 * selection deadline while SELECTING (the selection timeout from its start, on the wall clock), its hold's end while
 * HELD. When due, {@code EXPIRE_BUNDLE} goes to the bundle through {@code forward-writes} ({@link SagaTimers}).
 */
public final class BundleTimers {

    private final DurableTimers timers;
    private final Duration selectionTimeout;
    private final LongConsumer arm;

    BundleTimers(final DurableTimers timers, final Duration selectionTimeout, final LongConsumer arm) {
        this.timers = timers;
        this.selectionTimeout = selectionTimeout;
        this.arm = arm;
    }

    /**
     * Starts or stops the bundle's timer as its state enters or leaves SELECTING and HELD.
     *
     * @return the state to store, which knows its timer's due time
     */
    public BundleState track(final BundleState before, final BundleState after, final long wallClockMillis) {
        if (before != null && after.status() == before.status()) {
            return after;
        }
        if (before != null && before.dueMillis() != null) {
            timers.stop(before.id(), before.dueMillis());
        }
        final Long due = switch (after.status()) {
            case SELECTING -> wallClockMillis + selectionTimeout.toMillis();
            case HELD -> after.holdExpiresAt().toEpochMilli();
            default -> null;
        };
        final BundleState timed = after.dueAt(due);
        if (due != null) {
            timers.start(after.id(), SagaTimer.of(timed, due));
            arm.accept(due);
        }
        return timed;
    }
}
