package io.reservations.processor.store;

import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowState;
import io.reservations.topics.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The stores that hold windows, by name, and how they are added to the topology. */
public final class WindowLayout {

    /** Window id to {@link WindowHeader}: the window exists. */
    public static final String HEADERS = "window-headers";
    /** {@code <window>|<position>} to the {@link Slot} there: the window in declared order. */
    public static final String SLOTS = "window-slots";
    /** {@code <window>|<type>|<block>} to a block of the free bitmap of that type. */
    public static final String FREE = "window-free";
    /** {@code <window>|r|<resource>} and {@code <window>|h|<reservation>} to a position. */
    public static final String POSITIONS = "window-positions";
    /**
     * Whole windows as JSON documents, as versions before the indexed layout stored them (its changelog is
     * restored into it): read once, migrated, deleted.
     */
    public static final String WHOLE_WINDOWS = "windows";

    private WindowLayout() {
    }

    /** A window with its resources in declared order, from whichever layout holds it; null when none does. */
    public static WindowState read(final ReadOnlyKeyValueStore<String, WindowHeader> headers,
                                   final ReadOnlyKeyValueStore<String, Slot> slots,
                                   final ReadOnlyKeyValueStore<String, WindowState> wholeWindows, final String id) {
        final WindowHeader header = headers.get(id);
        if (header == null) {
            return wholeWindows.get(id);
        }
        final List<Slot> resources = new ArrayList<>(header.resources());
        try (KeyValueIterator<String, Slot> entries = slots.prefixScan(WindowKeys.slotsOf(id), Serdes.String().serializer())) {
            entries.forEachRemaining(entry -> resources.add(entry.value));
        }
        return new WindowState(id, resources);
    }

    public static void addTo(final Topology topology, final String processor) {
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEADERS),
                Serdes.String(), new StoreSerde<>(WindowHeader.class)).withCachingEnabled(), processor);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SLOTS),
                Serdes.String(), new StoreSerde<>(Slot.class)).withCachingEnabled(), processor);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FREE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), processor);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSITIONS),
                Serdes.String(), Serdes.Integer()).withCachingEnabled(), processor);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WHOLE_WINDOWS),
                Serdes.String(), new JsonSerde<>(WindowState.class)), processor);
    }
}
