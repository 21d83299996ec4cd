package io.reservations.processor.store.migration;

import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowState;
import io.reservations.topics.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Windows as release 0.1.0 stored them: one JSON document per window in a store of their own (its name in
 * {@code StoresAndTopics}). Such a window is read from there until its master first touches it, which moves it into
 * the indexed layout and deletes it here; a store written by 0.1.0 empties itself as windows are used. The indexed
 * layout calls this class, never the other way round.
 */
public final class WholeWindows {

    private WholeWindows() {
    }

    public static void addTo(final Topology topology, final String store, final String processor) {
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                Serdes.String(), new JsonSerde<>(WindowState.class)), processor);
    }

    /** The window stored whole under {@code id}, removed from the store for its caller to write anew; or null. */
    public static WindowState takeOut(final KeyValueStore<String, WindowState> store, final String id) {
        final WindowState stored = store.get(id);
        if (stored != null) {
            store.delete(id);
        }
        return stored;
    }

    /** Declared positions of up to {@code limit} resources that {@code wanted} accepts, from {@code from} on. */
    public static List<Integer> positions(final WindowState whole, final int from, final Predicate<Slot> wanted,
                                          final int limit) {
        final List<Slot> resources = whole.resources();
        return IntStream.range(Math.min(from, resources.size()), resources.size())
                .filter(position -> wanted.test(resources.get(position))).limit(limit).boxed().toList();
    }

    /** Up to {@code limit} windows stored whole, with an id at or after {@code fromId} (null: the first), in id order. */
    public static List<WindowState> from(final ReadOnlyKeyValueStore<String, WindowState> store, final String fromId,
                                         final int limit) {
        final List<WindowState> windows = new ArrayList<>();
        try (KeyValueIterator<String, WindowState> entries = fromId == null ? store.all() : store.range(fromId, null)) {
            while (entries.hasNext() && windows.size() < limit) {
                windows.add(entries.next().value);
            }
        }
        return windows;
    }
}
