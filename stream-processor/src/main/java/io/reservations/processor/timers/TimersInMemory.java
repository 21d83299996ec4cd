package io.reservations.processor.timers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One kind of a partition's timers kept in memory, by key ({@code <kind><due>|<id>}: due order), whose due time is
 * in their entity's state. Earlier builds stored them in {@code saga-timers}: those entries are read when the task
 * starts and deleted from the store as their timers end or fire.
 */
final class TimersInMemory {

    private final KeyValueStore<String, SagaTimer> store;
    private final String kind;
    private final NavigableMap<String, SagaTimer> timers = new TreeMap<>();
    /** The keys of those an earlier build also stored. */
    private final Set<String> stored = new HashSet<>();

    /** With the entries of that kind an earlier build stored: one range of the store. */
    TimersInMemory(final KeyValueStore<String, SagaTimer> store, final String kind) {
        this.store = store;
        this.kind = kind;
        try (KeyValueIterator<String, SagaTimer> earlier = store.range(kind, TimerKeys.endOf(kind))) {
            earlier.forEachRemaining(entry -> {
                timers.put(entry.key, entry.value);
                stored.add(entry.key);
            });
        }
    }

    /** A timer read back from its entity's state: kept unless an earlier build's entry has it already. */
    void restore(final String entityId, final SagaTimer timer) {
        timers.putIfAbsent(TimerKeys.of(kind, timer.dueMillis(), entityId), timer);
    }

    void start(final String entityId, final SagaTimer timer) {
        timers.put(TimerKeys.of(kind, timer.dueMillis(), entityId), timer);
    }

    void stop(final String entityId, final long dueMillis) {
        remove(TimerKeys.of(kind, dueMillis, entityId));
    }

    /**
     * The timers due at {@code nowMillis}, first due first; gone once taken.
     *
     * @param earlierEntry told of each taken timer an earlier build had stored (its entry is deleted)
     */
    List<SagaTimer> takeDue(final long nowMillis, final Consumer<SagaTimer> earlierEntry) {
        final List<SagaTimer> due = new ArrayList<>();
        for (final String key : new ArrayList<>(timers.headMap(TimerKeys.lastDueAt(kind, nowMillis), true).keySet())) {
            final SagaTimer timer = timers.get(key);
            if (stored.contains(key)) {
                earlierEntry.accept(timer);
            }
            remove(key);
            due.add(timer);
        }
        return due;
    }

    /** The first due time, if any. */
    OptionalLong first() {
        return timers.isEmpty() ? OptionalLong.empty() : OptionalLong.of(TimerKeys.dueOf(timers.firstKey()));
    }

    private void remove(final String key) {
        timers.remove(key);
        if (stored.remove(key)) {
            store.delete(key);
        }
    }
}
