package io.reservations.processor.timers;

import static io.reservations.processor.timers.TimerKeys.HOLD;
import static io.reservations.processor.timers.TimerKeys.endOf;
import static io.reservations.processor.timers.TimerKeys.firstDueAt;
import static io.reservations.processor.timers.TimerKeys.lastDueAt;

import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoresAndTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The timers of one partition's reservations: a hold's end ({@code hold_expires_at}), and a selection's deadline
 * (the selection timeout after its master started it, on the wall clock: a backlog of commands does not eat into
 * it). Holds are durable entries of a store ordered by due time (key: {@code h|}, due epoch millis zero-padded, the
 * reservation id), found again through the reservation's state; deadlines live in memory ({@link
 * SelectionDeadlines}), rebuilt from the reservations when the task starts. When a timer is due, a write with the
 * due time as its record time goes to the reservation through {@code forward-writes}: the reservation's master
 * decides between it and whatever else reached the partition, in the order the partition holds them, and ignores a
 * timer whose selection or hold has already ended. Timers are checked on the wall clock, by one check armed at the
 * partition's earliest timer ({@link NextCheck}), so one that fell due while no processor ran fires at the first
 * check after start. Holds are read from where the last check ended, which skips the holds released before their
 * end since the last compaction (each leaves a deleted key, which RocksDB skips one by one).
 */
public final class SagaTimers {

    private final ProcessorContext<?, ?> context;
    private final KeyValueStore<String, SagaTimer> store;
    private final Duration selectionTimeout;
    private final TimerMeters metrics;
    private final BiConsumer<ForwardWrite, Long> send;
    private final SelectionDeadlines deadlines;
    /** Every hold due before this was taken: a check reads the holds from here on (0 until the first check). */
    private long holdsCheckedTo;
    private final NextCheck check;

    /** Checks armed from the thread's wall clock (a test driver's in tests), the system's while a task initializes. */
    public static SagaTimers of(final ProcessorContext<?, ?> context, final Duration selectionTimeout,
                                final Duration checkInterval, final TimerMeters metrics,
                                final BiConsumer<ForwardWrite, Long> send) {
        return new SagaTimers(context, () -> context.currentSystemTimeMs() > 0 ? context.currentSystemTimeMs()
                : System.currentTimeMillis(), selectionTimeout, checkInterval, metrics, send);
    }

    /**
     * @param wallClock        the system's time, which checks are armed from
     * @param selectionTimeout how long a selection may wait for its window's answer
     * @param checkInterval    how often due timers are looked for: a timer fires at most this much after its due time
     * @param send             how a due timer's write goes to its reservation, with its record time
     */
    SagaTimers(final ProcessorContext<?, ?> context, final LongSupplier wallClock, final Duration selectionTimeout,
               final Duration checkInterval, final TimerMeters metrics, final BiConsumer<ForwardWrite, Long> send) {
        this.context = context;
        this.store = context.getStateStore(StoresAndTopics.TIMERS);
        this.selectionTimeout = selectionTimeout;
        this.metrics = metrics;
        this.send = send;
        this.deadlines = new SelectionDeadlines(store, context.getStateStore(StoresAndTopics.RESERVATIONS));
        this.check = new NextCheck(context, wallClock, checkInterval, this::fireDue);
        // restored with timers: some may have fallen due while no processor ran
        nextDue().ifPresent(check::armFor);
    }

    /** Due timers go to their reservation through the topic, never applied here: their order there decides. */
    private void fireDue(final long now) {
        final int partition = context.taskId().partition();
        takeDueHolds(now).forEach(due -> send.accept(due.write(partition), due.dueMillis()));
        deadlines.takeDue(now).forEach(due -> send.accept(due.write(partition), due.dueMillis()));
        final OptionalLong firstDeadline = deadlines.first();
        metrics.oldestSelection(partition, firstDeadline.isPresent()
                ? OptionalLong.of(firstDeadline.getAsLong() - selectionTimeout.toMillis())
                : OptionalLong.empty());
        check.disarm();
        nextDue().ifPresent(check::armFor);
    }

    /** The partition's task leaves this instance: its selections are no longer counted here. */
    public void close() {
        metrics.oldestSelection(context.taskId().partition(), OptionalLong.empty());
    }

    /** The earliest due time of the partition's timers, if any: a deadline's from memory, a hold's from the store. */
    private OptionalLong nextDue() {
        final OptionalLong deadline = deadlines.first();
        try (KeyValueIterator<String, SagaTimer> holds = store.range(firstDueAt(HOLD, holdsCheckedTo), endOf(HOLD))) {
            if (holds.hasNext()) {
                final long hold = TimerKeys.dueOf(holds.peekNextKey());
                return OptionalLong.of(deadline.isPresent() ? Math.min(hold, deadline.getAsLong()) : hold);
            }
        }
        return deadline;
    }

    /**
     * Starts or stops the reservation's timers as its state enters or leaves HELD and SELECTING.
     *
     * @return the state to store: a selection that starts carries its deadline, so that its end finds the timer
     */
    public ReservationState track(final ReservationState before, final ReservationState after, final long wallClockMillis) {
        if (entered(ReservationStatus.HELD, before, after)) {
            final long due = after.holdExpiresAt().toEpochMilli();
            store.put(TimerKeys.of(HOLD, due, after.id()), SagaTimer.of(after, Operation.EXPIRE_HOLD, due));
            holdsCheckedTo = Math.min(holdsCheckedTo, due); // a hold that ends before the last check's time
            metrics.holdsActive(1);
            check.armFor(due);
        } else if (entered(ReservationStatus.HELD, after, before)) {
            store.delete(TimerKeys.of(HOLD, before.holdExpiresAt().toEpochMilli(), before.id()));
            metrics.holdsActive(-1);
        }
        if (entered(ReservationStatus.SELECTING, before, after)) {
            final long due = wallClockMillis + selectionTimeout.toMillis();
            deadlines.start(after, due);
            metrics.selectionStarted(context.taskId().partition(), wallClockMillis);
            check.armFor(due);
            return after.withPendingSelection(after.pendingSelection().withDeadline(due));
        }
        if (entered(ReservationStatus.SELECTING, after, before)) {
            deadlines.stop(before);
            final OptionalLong first = deadlines.first(); // the oldest selection in flight, as checks no longer beat
            metrics.oldestSelection(context.taskId().partition(), first.isPresent()
                    ? OptionalLong.of(first.getAsLong() - selectionTimeout.toMillis()) : OptionalLong.empty());
        }
        return after;
    }

    /** The holds due at {@code nowMillis}, deleted; a hold stays active (and counted) until its master expires it. */
    private List<SagaTimer> takeDueHolds(final long nowMillis) {
        final List<KeyValue<String, SagaTimer>> due = new ArrayList<>();
        try (KeyValueIterator<String, SagaTimer> holds = store.range(firstDueAt(HOLD, holdsCheckedTo), lastDueAt(HOLD, nowMillis))) {
            holds.forEachRemaining(due::add);
        }
        due.forEach(hold -> store.delete(hold.key));
        holdsCheckedTo = Math.max(holdsCheckedTo, nowMillis + 1);
        return due.stream().map(hold -> hold.value).toList();
    }

    private static boolean entered(final ReservationStatus status, final ReservationState from, final ReservationState to) {
        return to != null && to.status() == status && (from == null || from.status() != status);
    }
}
