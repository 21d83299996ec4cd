package io.reservations.processor.shard;

import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The holds of one partition, as durable timers: a store ordered by due time (key: due epoch millis, zero-padded,
 * then the reservation id). When a hold is due, an {@code EXPIRE_HOLD} write with the due time as its record time
 * goes to the reservation through {@code forward-writes}, in the transaction that deletes the timer: it fires once,
 * and the reservation's master decides between it and a confirm in the order its partition holds them. Timers are
 * checked on the wall clock, so a hold that fell due while no processor ran expires at the first check after start.
 */
final class HoldTimers {

    private final KeyValueStore<String, String> store;
    private final ShardMasterMetrics metrics;

    HoldTimers(final KeyValueStore<String, String> store, final ShardMasterMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** Starts or stops the reservation's timer as its state enters or leaves HELD. */
    void track(final ReservationState before, final ReservationState after) {
        final boolean wasHeld = before != null && before.status() == ReservationStatus.HELD;
        final boolean isHeld = after != null && after.status() == ReservationStatus.HELD;
        if (isHeld && !wasHeld) {
            store.put(key(after.holdExpiresAt().toEpochMilli(), after.id()), after.windowId());
            metrics.holdsActive(1);
        } else if (wasHeld && !isHeld) {
            store.delete(key(before.holdExpiresAt().toEpochMilli(), before.id()));
            metrics.holdsActive(-1);
        }
    }

    /** The holds due at {@code nowMillis}, as writes to send; their timers are deleted. */
    List<Due> takeDue(final long nowMillis) {
        final List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> timers = store.range(null, key(nowMillis, "\uffff"))) {
            while (timers.hasNext()) {
                final KeyValue<String, String> timer = timers.next();
                final long dueMillis = Long.parseLong(timer.key.substring(0, 19));
                final String reservationId = timer.key.substring(20);
                due.add(new Due(dueMillis, reservationId, timer.value));
            }
        }
        // the hold stays active (and counted) until its reservation's master expires it
        due.forEach(timer -> store.delete(key(timer.dueMillis(), timer.reservationId())));
        return due;
    }

    private static String key(final long dueMillis, final String reservationId) {
        return String.format("%019d|%s", dueMillis, reservationId);
    }

    /** A hold that is due: the write that asks its reservation's master to expire it. */
    record Due(long dueMillis, String reservationId, String windowId) {

        ForwardWrite write(final int partition) {
            return ForwardWrite.of("hold-expiry-" + dueMillis, Operation.EXPIRE_HOLD,
                    ForwardData.expire(reservationId, windowId), partition);
        }
    }
}
