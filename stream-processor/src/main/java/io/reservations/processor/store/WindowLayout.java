package io.reservations.processor.store;

import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WaitingSelection;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.migration.WholeWindows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The stores that hold windows, by name, how they are added to the topology, and how a whole window is read. */
public final class WindowLayout {

    private WindowLayout() {
    }

    /** A window with its resources in declared order, from whichever layout holds it; null when none does. */
    public static WindowState read(final ReadOnlyKeyValueStore<String, byte[]> index,
                                   final ReadOnlyKeyValueStore<String, WindowState> wholeWindows, final String id) {
        final byte[] header = index.get(WindowKeys.header(id));
        if (header == null) {
            return wholeWindows.get(id);
        }
        final List<Slot> resources = new ArrayList<>(WindowValues.header(header).resources());
        try (KeyValueIterator<String, byte[]> entries = index.prefixScan(WindowKeys.slotsOf(id), Serdes.String().serializer())) {
            entries.forEachRemaining(entry -> resources.add(WindowValues.slot(entry.value)));
        }
        return new WindowState(id, resources);
    }

    /** A resource and its declared position (0 for the first). */
    public record PositionedSlot(int position, Slot slot) {
    }

    /**
     * Up to {@code limit} resources of the window that {@code wanted} accepts, from declared position {@code from}
     * on, in declared order: one range of the index, however large the window. Null when no window has the id.
     */
    public static List<PositionedSlot> slots(final ReadOnlyKeyValueStore<String, byte[]> index,
                                             final ReadOnlyKeyValueStore<String, WindowState> wholeWindows,
                                             final String id, final int from, final Predicate<Slot> wanted,
                                             final int limit) {
        if (index.get(WindowKeys.header(id)) == null) {
            final WindowState whole = wholeWindows.get(id); // stored by 0.1.0, not migrated yet
            return whole == null ? null : WholeWindows.positions(whole, from, wanted, limit).stream()
                    .map(position -> new PositionedSlot(position, whole.resources().get(position))).toList();
        }
        final List<PositionedSlot> slots = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = index.range(WindowKeys.slot(id, from),
                WindowKeys.slotsOf(id) + Character.MAX_VALUE)) {
            while (entries.hasNext() && slots.size() < limit) {
                final KeyValue<String, byte[]> entry = entries.next();
                final Slot slot = WindowValues.slot(entry.value);
                if (wanted.test(slot)) {
                    slots.add(new PositionedSlot(WindowKeys.positionOf(entry.key), slot));
                }
            }
        }
        return slots;
    }

    /** The owner of the reservation holding a resource of the window, when known. */
    /** How many events the window's master has applied to it (0 before versions were kept, or for no window). */
    public static long version(final ReadOnlyKeyValueStore<String, byte[]> index, final String windowId) {
        return WindowValues.version(index.get(WindowKeys.version(windowId)));
    }

    public static String holderOwner(final ReadOnlyKeyValueStore<String, byte[]> index, final String windowId,
                                     final String reservationId) {
        return WindowValues.owner(index.get(WindowKeys.holder(windowId, reservationId)));
    }

    /** How many selections wait in the window's line for {@code type}. */
    public static int waiting(final ReadOnlyKeyValueStore<String, byte[]> index, final String windowId, final String type) {
        return WindowLines.ends(index, windowId, type).length();
    }

    /** The ids of the windows in the index. */
    public static List<String> windowIds(final ReadOnlyKeyValueStore<String, byte[]> index) {
        final List<String> ids = new ArrayList<>();
        final String prefix = WindowKeys.header("");
        try (KeyValueIterator<String, byte[]> headers = index.prefixScan(prefix, Serdes.String().serializer())) {
            headers.forEachRemaining(entry -> ids.add(entry.key.substring(prefix.length())));
        }
        return ids;
    }

    /**
     * Every window of an index read whole into memory (from its changelog, say): resources in declared order, each
     * line in join order, as the window's events tell it (owners are not in the events: left out).
     */
    public static Map<String, WindowState> assemble(final NavigableMap<String, byte[]> index) {
        final Map<String, WindowState> windows = new HashMap<>();
        final String prefix = WindowKeys.header("");
        for (final String key : index.subMap(prefix, prefix + Character.MAX_VALUE).keySet()) {
            final String id = key.substring(prefix.length());
            final String slots = WindowKeys.slotsOf(id);
            final List<Slot> resources = index.subMap(slots, slots + Character.MAX_VALUE).values().stream()
                    .map(WindowValues::slot).toList();
            final List<WaitingSelection> line = new ArrayList<>();
            for (final String type : resources.stream().map(Slot::type).distinct().toList()) {
                final String waiting = WindowKeys.linesOf(id, type);
                index.subMap(waiting, waiting + Character.MAX_VALUE).values().forEach(entry -> {
                    final WaitingSelection stored = WindowLines.waiting(entry);
                    line.add(new WaitingSelection(stored.reservationId(), stored.resourceType(), stored.commandId(),
                            null, stored.position()));
                });
            }
            windows.put(id, new WindowState(id, resources, line));
        }
        return windows;
    }

    public static void addTo(final Topology topology, final String processor) {
        // cached: the allocations of one commit on one window write its free block once (the hot window's case)
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoresAndTopics.WINDOW_INDEX),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), processor);
        WholeWindows.addTo(topology, StoresAndTopics.WHOLE_WINDOWS, processor);
    }
}
