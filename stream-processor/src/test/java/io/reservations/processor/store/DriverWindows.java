package io.reservations.processor.store;

import io.reservations.processor.domain.WindowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The windows of a {@link TopologyTestDriver}'s stores as whole {@link WindowState}s, whatever their layout. */
public final class DriverWindows {

    private final KeyValueStore<String, byte[]> index;
    private final KeyValueStore<String, WindowState> wholeWindows;

    public DriverWindows(final TopologyTestDriver driver) {
        this.index = driver.getKeyValueStore(StoresAndTopics.WINDOW_INDEX);
        this.wholeWindows = driver.getKeyValueStore(StoresAndTopics.WHOLE_WINDOWS);
    }

    public WindowState get(final String id) {
        return WindowLayout.read(index, wholeWindows, id);
    }

    /** Stores a window whole, as a version before the indexed layout did. */
    public void putWhole(final WindowState window) {
        wholeWindows.put(window.id(), window);
    }

    /** Rewrites the window's header as the version before the waitlist wrote it: without the types. */
    public void writeHeaderWithoutTypes(final String id) {
        final WindowHeader header = WindowValues.header(index.get(WindowKeys.header(id)));
        index.put(WindowKeys.header(id), WindowValues.header(new WindowHeader(header.resources())));
    }

    /** The types the window's header names; null when it names none. */
    public List<String> headerTypes(final String id) {
        return WindowValues.header(index.get(WindowKeys.header(id))).types();
    }

    public Map<String, WindowState> contents() {
        final Map<String, WindowState> all = new LinkedHashMap<>();
        WindowLayout.windowIds(index).forEach(id -> all.put(id, get(id)));
        try (KeyValueIterator<String, WindowState> entries = wholeWindows.all()) {
            entries.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }
}
