package io.reservations.processor.shard;

import static io.reservations.processor.shard.TimerKeys.SELECTION;
import static io.reservations.processor.shard.TimerKeys.legacyDeadlineOf;

import io.reservations.contract.Operation;
import io.reservations.processor.domain.ReservationState;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition's selection deadlines: their entries in {@code saga-timers}, and their keys in due order in memory,
 * read from the store once when the task starts and then kept in step with every put and delete. A check finds what
 * is due, and the oldest selection, in memory. It must not scan the store for them: every selection that ends
 * deletes its deadline, and RocksDB skips each deleted key one by one until it compacts them away, so under sustained
 * load a scan over the deadlines crossed the selections of the last timeout (ten minutes of them in the benchmark)
 * four times a second per partition, and the stream thread did little else (bench/results/2026-11-30-stall). In
 * memory are only the selections awaiting their window's answer.
 */
final class SelectionDeadlines {

    private final KeyValueStore<String, SagaTimer> store;
    private final NavigableSet<String> keys = new TreeSet<>();

    /** Reads the deadlines the store holds: one scan, when the partition's task starts. */
    SelectionDeadlines(final KeyValueStore<String, SagaTimer> store) {
        this.store = store;
        try (KeyValueIterator<String, SagaTimer> stored = store.range(SELECTION, TimerKeys.endOf(SELECTION))) {
            stored.forEachRemaining(entry -> keys.add(entry.key));
        }
    }

    /** The deadline of a selection its reservation starts: {@code due}, on the wall clock. */
    void start(final ReservationState selecting, final long due) {
        final String key = TimerKeys.of(SELECTION, due, selecting.id());
        store.put(key, SagaTimer.of(selecting, Operation.EXPIRE_SELECTION, due));
        keys.add(key);
    }

    /** The selection ended before its deadline: found through the deadline its state keeps. */
    void stop(final ReservationState selecting) {
        final Long due = selecting.pendingSelection().deadlineMillis();
        if (due != null) {
            delete(TimerKeys.of(SELECTION, due, selecting.id()));
            return;
        }
        final SagaTimer started = store.get(legacyDeadlineOf(selecting.id())); // started by an earlier version
        if (started != null) {
            delete(TimerKeys.of(SELECTION, started.dueMillis(), selecting.id()));
            store.delete(legacyDeadlineOf(selecting.id()));
        }
    }

    /** The deadlines due at {@code nowMillis}, first due first; they are deleted (with an earlier version's entry). */
    List<SagaTimer> takeDue(final long nowMillis) {
        final List<SagaTimer> due = new ArrayList<>();
        for (final String key : new ArrayList<>(keys.headSet(TimerKeys.lastDueAt(SELECTION, nowMillis), true))) {
            final SagaTimer deadline = store.get(key);
            delete(key);
            if (deadline != null) {
                due.add(deadline);
                if (store.get(legacyDeadlineOf(deadline.reservationId())) != null) {
                    store.delete(legacyDeadlineOf(deadline.reservationId()));
                }
            }
        }
        return due;
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The first deadline: the oldest selection in flight's. */
    OptionalLong first() {
        return keys.isEmpty() ? OptionalLong.empty() : OptionalLong.of(TimerKeys.dueOf(keys.first()));
    }

    private void delete(final String key) {
        store.delete(key);
        keys.remove(key);
    }
}
