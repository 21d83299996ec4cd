package io.reservations.processor.timers;

import static io.reservations.processor.timers.TimerKeys.endOf;
import static io.reservations.processor.timers.TimerKeys.firstDueAt;
import static io.reservations.processor.timers.TimerKeys.lastDueAt;

import io.reservations.contract.Operation;
import io.reservations.processor.domain.ReservationState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One kind of a partition's durable timers (holds' ends, waits' ends), in the store by due time. Read from where the
 * last check ended, which skips the timers stopped before they were due since the last compaction (each leaves a
 * deleted key, which RocksDB skips one by one).
 */
final class DurableTimers {

    private final KeyValueStore<String, SagaTimer> store;
    private final String kind;
    private final Operation fires;
    /** Every timer due before this was taken: a check reads from here on (0 until the first check). */
    private long checkedTo;

    DurableTimers(final KeyValueStore<String, SagaTimer> store, final String kind, final Operation fires) {
        this.store = store;
        this.kind = kind;
        this.fires = fires;
    }

    void start(final ReservationState state, final long dueMillis) {
        store.put(TimerKeys.of(kind, dueMillis, state.id()), SagaTimer.of(state, fires, dueMillis));
        checkedTo = Math.min(checkedTo, dueMillis); // one that ends before the last check's time
    }

    void stop(final String entityId, final long dueMillis) {
        store.delete(TimerKeys.of(kind, dueMillis, entityId));
    }

    OptionalLong next() {
        try (KeyValueIterator<String, SagaTimer> timers = store.range(firstDueAt(kind, checkedTo), endOf(kind))) {
            return timers.hasNext() ? OptionalLong.of(TimerKeys.dueOf(timers.peekNextKey())) : OptionalLong.empty();
        }
    }

    /** The timers due at {@code nowMillis}, deleted. */
    List<SagaTimer> takeDue(final long nowMillis) {
        final List<KeyValue<String, SagaTimer>> due = new ArrayList<>();
        try (KeyValueIterator<String, SagaTimer> timers = store.range(firstDueAt(kind, checkedTo), lastDueAt(kind, nowMillis))) {
            timers.forEachRemaining(due::add);
        }
        due.forEach(timer -> store.delete(timer.key));
        checkedTo = Math.max(checkedTo, nowMillis + 1);
        return due.stream().map(timer -> timer.value).toList();
    }
}
