package io.reservations.processor.store;

import io.reservations.processor.domain.WindowState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The windows of a {@link TopologyTestDriver}'s stores as whole {@link WindowState}s, whatever their layout. */
public final class DriverWindows {

    private final KeyValueStore<String, WindowHeader> headers;
    private final KeyValueStore<String, io.reservations.processor.domain.Slot> slots;
    private final KeyValueStore<String, WindowState> wholeWindows;

    public DriverWindows(final TopologyTestDriver driver) {
        this.headers = driver.getKeyValueStore(WindowLayout.HEADERS);
        this.slots = driver.getKeyValueStore(WindowLayout.SLOTS);
        this.wholeWindows = driver.getKeyValueStore(WindowLayout.WHOLE_WINDOWS);
    }

    public WindowState get(final String id) {
        return WindowLayout.read(headers, slots, wholeWindows, id);
    }

    /** Stores a window whole, as a version before the indexed layout did. */
    public void putWhole(final WindowState window) {
        wholeWindows.put(window.id(), window);
    }

    public Map<String, WindowState> contents() {
        final Map<String, WindowState> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, WindowHeader> entries = headers.all()) {
            entries.forEachRemaining((KeyValue<String, WindowHeader> entry) -> all.put(entry.key, get(entry.key)));
        }
        try (KeyValueIterator<String, WindowState> entries = wholeWindows.all()) {
            entries.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }
}
