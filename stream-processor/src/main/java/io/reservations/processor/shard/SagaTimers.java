package io.reservations.processor.shard;

import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The durable timers of one partition's reservations: a hold's end, and a selection's deadline. A store ordered by
 * due time (key: due epoch millis, zero-padded, the kind, the reservation id). When a timer is due, a write with the
 * due time as its record time goes to the reservation through {@code forward-writes}, in the transaction that
 * deletes the timer: it fires once, and the reservation's master decides between it and whatever else reached the
 * partition, in the order the partition holds them. Timers are checked on the wall clock, so one that fell due while
 * no processor ran fires at the first check after start.
 */
final class SagaTimers {

    private final KeyValueStore<String, Timer> store;
    private final Duration selectionTimeout;
    private final ShardMasterMetrics metrics;

    SagaTimers(final KeyValueStore<String, Timer> store, final Duration selectionTimeout, final ShardMasterMetrics metrics) {
        this.store = store;
        this.selectionTimeout = selectionTimeout;
        this.metrics = metrics;
    }

    /** Starts or stops the reservation's timers as its state enters or leaves HELD and SELECTING. */
    void track(final ReservationState before, final ReservationState after) {
        if (entered(ReservationStatus.HELD, before, after)) {
            store.put(key(after.holdExpiresAt(), Operation.EXPIRE_HOLD, after.id()), timer(after, Operation.EXPIRE_HOLD));
            metrics.holdsActive(1);
        } else if (entered(ReservationStatus.HELD, after, before)) {
            store.delete(key(before.holdExpiresAt(), Operation.EXPIRE_HOLD, before.id()));
            metrics.holdsActive(-1);
        }
        if (entered(ReservationStatus.SELECTING, before, after)) {
            store.put(key(selectionDeadline(after), Operation.EXPIRE_SELECTION, after.id()),
                    timer(after, Operation.EXPIRE_SELECTION));
        } else if (entered(ReservationStatus.SELECTING, after, before) && before.pendingSelection().startedAt() != null) {
            store.delete(key(selectionDeadline(before), Operation.EXPIRE_SELECTION, before.id()));
        }
    }

    /** The writes of the timers due at {@code nowMillis}; the timers are deleted. */
    List<Due> takeDue(final long nowMillis) {
        final List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, Timer> timers = store.range(null, String.format("%019d|\uffff", nowMillis))) {
            while (timers.hasNext()) {
                final KeyValue<String, Timer> timer = timers.next();
                due.add(new Due(timer.key, Long.parseLong(timer.key.substring(0, 19)), timer.value));
            }
        }
        // a hold stays active (and counted) until its reservation's master expires it
        due.forEach(timer -> store.delete(timer.key()));
        return due;
    }

    private Instant selectionDeadline(final ReservationState selecting) {
        return selecting.pendingSelection().startedAt().plus(selectionTimeout);
    }

    private static boolean entered(final ReservationStatus status, final ReservationState from, final ReservationState to) {
        return to != null && to.status() == status && (from == null || from.status() != status);
    }

    private static Timer timer(final ReservationState state, final Operation operation) {
        return new Timer(operation, state.pendingSelection().commandId(), state.id(), state.windowId());
    }

    private static String key(final Instant due, final Operation operation, final String reservationId) {
        return String.format("%019d|%s|%s", due.toEpochMilli(), operation == Operation.EXPIRE_HOLD ? "h" : "s", reservationId);
    }

    /** What fires: the operation, and the selection's command id it concerns. */
    record Timer(Operation operation, String commandId, String reservationId, String windowId) {
    }

    /** A timer that is due: the write that asks its reservation's master to act on it. */
    record Due(String key, long dueMillis, Timer timer) {

        ForwardWrite write(final int partition) {
            return ForwardWrite.of(timer.commandId(), timer.operation(),
                    ForwardData.expire(timer.reservationId(), timer.windowId()), partition);
        }
    }
}
