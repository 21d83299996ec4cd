package io.reservations.processor.store.migration;

import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowLayout.PositionedSlot;
import io.reservations.processor.store.WindowSummaries.Summary;
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
 * Windows as release 0.1.0 stored them: one JSON document per window in the store
 * {@link StoresAndTopics#WHOLE_WINDOWS}. Such a window is read from there until its master first touches it, which
 * moves it into the indexed layout and deletes it here; a store written by 0.1.0 empties itself as windows are used.
 */
public final class WholeWindows {

    private WholeWindows() {
    }

    public static void addTo(final Topology topology, final String processor) {
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoresAndTopics.WHOLE_WINDOWS),
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

    /** {@link io.reservations.processor.store.WindowLayout#slots} for a window stored whole. */
    public static List<PositionedSlot> slots(final WindowState whole, final int from, final Predicate<Slot> wanted,
                                             final int limit) {
        final List<Slot> resources = whole.resources();
        return IntStream.range(Math.min(from, resources.size()), resources.size())
                .mapToObj(position -> new PositionedSlot(position, resources.get(position)))
                .filter(slot -> wanted.test(slot.slot())).limit(limit).toList();
    }

    /** Up to {@code limit} summaries of windows stored whole, with an id at or after {@code fromId}, in id order. */
    public static List<Summary> summaries(final ReadOnlyKeyValueStore<String, WindowState> store, final String fromId,
                                          final int limit) {
        final List<Summary> summaries = new ArrayList<>();
        try (KeyValueIterator<String, WindowState> entries = fromId == null ? store.all() : store.range(fromId, null)) {
            while (entries.hasNext() && summaries.size() < limit) {
                final WindowState window = entries.next().value;
                summaries.add(new Summary(window.id(), window.resources().size(),
                        (int) window.resources().stream().filter(Slot::available).count()));
            }
        }
        return summaries;
    }
}
