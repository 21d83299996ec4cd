package io.reservations.processor.shard;

import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The durable timers of one partition's reservations: a hold's end ({@code hold_expires_at}), and a selection's
 * deadline (the selection timeout after its master started it, on the wall clock: a backlog of commands does not
 * eat into it). A store ordered by due time (key: due epoch millis, zero-padded, the kind, the reservation id), plus
 * for each deadline an entry under {@code ~s|<reservation>} to find it again. When a timer is due, a write with
 * the due time as its record time goes to the reservation through {@code forward-writes}, in the transaction that
 * deletes the timer: it fires once, and the reservation's master decides between it and whatever else reached the
 * partition, in the order the partition holds them. Timers are checked on the wall clock, so one that fell due while
 * no processor ran fires at the first check after start.
 */
final class SagaTimers {

    private final ProcessorContext<?, ?> context;
    private final KeyValueStore<String, Timer> store;
    private final ShardMasterOptions options;
    private final ShardMasterMetrics metrics;
    private final BiConsumer<ForwardWrite, Long> send;
    private Cancellable checks;

    /** @param send how a due timer's write goes to its reservation, with its record time */
    SagaTimers(final ProcessorContext<?, ?> context, final ShardMasterOptions options, final ShardMasterMetrics metrics,
               final BiConsumer<ForwardWrite, Long> send) {
        this.context = context;
        this.store = context.getStateStore(ShardMasterTopology.TIMERS_STORE);
        this.options = options;
        this.metrics = metrics;
        this.send = send;
        if (any()) {
            startChecks(); // restored with timers: some may have fallen due while no processor ran
        }
    }

    /**
     * Checks run only while there are timers: Kafka Streams commits a task after every punctuation, and an idle
     * partition should not commit a transaction four times a second.
     */
    private void startChecks() {
        if (checks == null) {
            checks = context.schedule(options.timerCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDue);
        }
    }

    /** Due timers go to their reservation through the topic, never applied here: their order there decides. */
    private void fireDue(final long now) {
        final int partition = context.taskId().partition();
        takeDue(now).forEach(due -> send.accept(due.write(partition), due.dueMillis()));
        if (!any()) {
            checks.cancel();
            checks = null;
        }
    }

    private boolean any() {
        try (KeyValueIterator<String, Timer> all = store.all()) {
            return all.hasNext();
        }
    }

    /** Starts or stops the reservation's timers as its state enters or leaves HELD and SELECTING. */
    void track(final ReservationState before, final ReservationState after, final long wallClockMillis) {
        if (entered(ReservationStatus.HELD, before, after)) {
            final long due = after.holdExpiresAt().toEpochMilli();
            store.put(key(due, "h", after.id()), timer(after, Operation.EXPIRE_HOLD, due));
            metrics.holdsActive(1);
            startChecks();
        } else if (entered(ReservationStatus.HELD, after, before)) {
            store.delete(key(before.holdExpiresAt().toEpochMilli(), "h", before.id()));
            metrics.holdsActive(-1);
        }
        if (entered(ReservationStatus.SELECTING, before, after)) {
            final Timer deadline = timer(after, Operation.EXPIRE_SELECTION,
                    wallClockMillis + options.selectionTimeout().toMillis());
            store.put(key(deadline.dueMillis(), "s", after.id()), deadline);
            store.put(deadlineOf(after.id()), deadline);
            startChecks();
        } else if (entered(ReservationStatus.SELECTING, after, before)) {
            final Timer deadline = store.get(deadlineOf(before.id()));
            if (deadline != null) {
                store.delete(key(deadline.dueMillis(), "s", before.id()));
                store.delete(deadlineOf(before.id()));
            }
        }
    }

    /** The writes of the timers due at {@code nowMillis}; the timers are deleted. */
    private List<Due> takeDue(final long nowMillis) {
        final List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, Timer> timers = store.range(null, String.format("%019d|\uffff", nowMillis))) {
            while (timers.hasNext()) {
                final KeyValue<String, Timer> timer = timers.next();
                due.add(new Due(timer.key, timer.value));
            }
        }
        // a hold stays active (and counted) until its reservation's master expires it
        for (final Due timer : due) {
            store.delete(timer.key());
            if (timer.timer().operation() == Operation.EXPIRE_SELECTION) {
                store.delete(deadlineOf(timer.timer().reservationId()));
            }
        }
        return due;
    }

    private static boolean entered(final ReservationStatus status, final ReservationState from, final ReservationState to) {
        return to != null && to.status() == status && (from == null || from.status() != status);
    }

    private static Timer timer(final ReservationState state, final Operation operation, final long dueMillis) {
        return new Timer(operation, state.pendingSelection().commandId(), state.id(), state.windowId(), dueMillis);
    }

    private static String key(final long dueMillis, final String kind, final String reservationId) {
        return String.format("%019d|%s|%s", dueMillis, kind, reservationId);
    }

    /** Sorts after every due time ('~' follows the digits): never in a range of due timers. */
    private static String deadlineOf(final String reservationId) {
        return "~s|" + reservationId;
    }

    /** What fires, when: the operation, and the selection's command id it concerns. */
    record Timer(Operation operation, String commandId, String reservationId, String windowId, long dueMillis) {
    }

    /** A timer that is due: the write that asks its reservation's master to act on it. */
    record Due(String key, Timer timer) {

        long dueMillis() {
            return timer.dueMillis();
        }

        ForwardWrite write(final int partition) {
            return ForwardWrite.of(timer.commandId(), timer.operation(),
                    ForwardData.expire(timer.reservationId(), timer.windowId()), partition);
        }
    }
}
