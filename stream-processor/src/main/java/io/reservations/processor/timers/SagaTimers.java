package io.reservations.processor.timers;

import static io.reservations.processor.timers.TimerKeys.HOLD;
import static io.reservations.processor.timers.TimerKeys.WAIT;

import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoresAndTopics;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The timers of one partition's reservations: a hold's end ({@code hold_expires_at}), the end of a wait in a
 * window's line, and a selection's deadline (the selection timeout after its master started it, on the wall clock:
 * a backlog of commands does not eat into it). Holds and waits are durable entries of a store ordered by due time
 * (key: {@code h|} or {@code w|}, due epoch millis zero-padded, the reservation id), found again through the
 * reservation's state ({@link DurableTimers}); deadlines live in memory ({@link SelectionDeadlines}), rebuilt from
 * the reservations when the task starts, and so do the bundles' timers ({@link BundleTimers}). When a timer is due,
 * a write with the due time as its record time goes to the reservation through {@code forward-writes}: its master
 * decides between it and whatever else reached the partition, in the order the partition holds them, and ignores a
 * timer whose selection, hold or wait has already ended. Timers are checked on the wall clock, by one check armed
 * at the partition's earliest timer ({@link NextCheck}), so one that fell due while no processor ran fires at the
 * first check after start.
 */
public final class SagaTimers {

    private final ProcessorContext<?, ?> context;
    private final Duration selectionTimeout;
    private final TimerMeters metrics;
    private final BiConsumer<ForwardWrite, Long> send;
    private final SelectionDeadlines deadlines;
    private final DurableTimers holds;
    private final DurableTimers waits;
    private final BundleTimers bundleTimers;
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
        final KeyValueStore<String, SagaTimer> store = context.getStateStore(StoresAndTopics.TIMERS);
        this.selectionTimeout = selectionTimeout;
        this.metrics = metrics;
        this.send = send;
        this.deadlines = new SelectionDeadlines(store, context.getStateStore(StoresAndTopics.RESERVATIONS));
        this.holds = new DurableTimers(store, HOLD, Operation.EXPIRE_HOLD);
        this.waits = new DurableTimers(store, WAIT, Operation.EXPIRE_WAITLIST);
        this.check = new NextCheck(context, wallClock, checkInterval, this::fireDue);
        this.bundleTimers = new BundleTimers(store, context.getStateStore(StoresAndTopics.BUNDLES), selectionTimeout,
                check::armFor);
        // restored with timers: some may have fallen due while no processor ran
        nextDue().ifPresent(check::armFor);
    }

    /** Due timers go to their reservation through the topic, never applied here: their order there decides. */
    private void fireDue(final long now) {
        final int partition = context.taskId().partition();
        holds.takeDue(now).forEach(due -> send.accept(due.write(partition), due.dueMillis()));
        waits.takeDue(now).forEach(due -> send.accept(due.write(partition), due.dueMillis()));
        bundleTimers.takeDue(now).forEach(due -> send.accept(due.write(partition), due.dueMillis()));
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

    /** The earliest due time of the partition's timers, if any: deadlines' and bundles' from memory, the others' from the store. */
    private OptionalLong nextDue() {
        return Stream.of(deadlines.first(), holds.next(), waits.next(), bundleTimers.next())
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    }

    /**
     * Starts or stops the reservation's timers as its state enters or leaves HELD and SELECTING.
     *
     * @return the state to store: a selection that starts carries its deadline, so that its end finds the timer
     */
    public ReservationState track(final ReservationState before, final ReservationState after, final long wallClockMillis) {
        if (after != null && after.bundleId() != null || before != null && before.bundleId() != null) {
            return after; // an item of a bundle: the bundle's master keeps the timers
        }
        if (entered(ReservationStatus.HELD, before, after)) {
            holds.start(after, after.holdExpiresAt().toEpochMilli());
            metrics.holdsActive(1);
            check.armFor(after.holdExpiresAt().toEpochMilli());
        } else if (entered(ReservationStatus.HELD, after, before)) {
            holds.stop(before.id(), before.holdExpiresAt().toEpochMilli());
            metrics.holdsActive(-1);
        }
        if (entered(ReservationStatus.WAITLISTED, before, after)) {
            waits.start(after, after.waitlistExpiresAt().toEpochMilli());
            check.armFor(after.waitlistExpiresAt().toEpochMilli());
        } else if (entered(ReservationStatus.WAITLISTED, after, before)) {
            waits.stop(before.id(), before.waitlistExpiresAt().toEpochMilli());
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

    /** The bundles' timers, which share this partition's store and check. */
    public BundleTimers bundles() {
        return bundleTimers;
    }

    private static boolean entered(final ReservationStatus status, final ReservationState from, final ReservationState to) {
        return to != null && to.status() == status && (from == null || from.status() != status);
    }
}
