package io.reservations.processor.timers;

import static io.reservations.processor.timers.TimerKeys.BUNDLE;

import io.reservations.contract.BundleStatus;
import io.reservations.processor.domain.BundleState;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A bundle's one timer at a time: its selection deadline while SELECTING (the selection timeout from its start, on
 * the wall clock), its hold's end while HELD. Kept in memory only: the due time is in the bundle's state
 * ({@code dueMillis}), which the step that starts or ends the timer stores anyway, so a timer costs no store write and
 * no changelog record. When the partition's task starts they are read back from the bundles whose state carries one,
 * and from the entries ({@code b|}, due time, bundle id) the previous build kept in {@code saga-timers}, which are
 * deleted as their bundles move on. When due, {@code EXPIRE_BUNDLE} goes to the bundle through {@code forward-writes}
 * ({@link SagaTimers}); a timer that fired is gone from memory, and fires again after a restart if its bundle has not
 * taken that write yet: its master ignores the second (the bundle is no longer selecting, or no longer held).
 */
public final class BundleTimers {

    private final Duration selectionTimeout;
    private final LongConsumer arm;
    private final TimersInMemory timers;

    /** Reads the open bundles' timers: one scan of each store, when the partition's task starts. */
    BundleTimers(final KeyValueStore<String, SagaTimer> store, final KeyValueStore<String, BundleState> bundles,
                 final Duration selectionTimeout, final LongConsumer arm) {
        this.selectionTimeout = selectionTimeout;
        this.arm = arm;
        this.timers = new TimersInMemory(store, BUNDLE);
        try (KeyValueIterator<String, BundleState> all = bundles.all()) {
            all.forEachRemaining(entry -> {
                final BundleState bundle = entry.value;
                if (bundle != null && bundle.dueMillis() != null && timed(bundle.status())) {
                    timers.restore(bundle.id(), SagaTimer.of(bundle, bundle.dueMillis()));
                }
            });
        }
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

    /** The timers due at {@code nowMillis}, first due first; gone once taken (with the previous build's entries). */
    List<SagaTimer> takeDue(final long nowMillis) {
        return timers.takeDue(nowMillis, earlier -> { });
    }

    /** The first due time, if any bundle has a timer. */
    OptionalLong next() {
        return timers.first();
    }

    private static boolean timed(final BundleStatus status) {
        return status == BundleStatus.SELECTING || status == BundleStatus.HELD;
    }
}
