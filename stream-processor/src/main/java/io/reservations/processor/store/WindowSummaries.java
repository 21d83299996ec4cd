package io.reservations.processor.store;

import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.migration.WholeWindows;
import io.reservations.queries.WindowSummary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The windows of one partition in id order, each with its resource count and how many are available: the count
 * from the window's header, the available ones from its free blocks (a few bitmaps, whatever the window's size).
 * Windows still stored whole by the released version are counted from their document.
 */
public final class WindowSummaries {

    private WindowSummaries() {
    }

    /** Up to {@code limit} windows with an id at or after {@code fromId} (null: the first), in id order. */
    public static List<WindowSummary> from(final ReadOnlyKeyValueStore<String, byte[]> index,
                                           final ReadOnlyKeyValueStore<String, WindowState> wholeWindows,
                                           final String fromId, final int limit) {
        final List<WindowSummary> indexed = new ArrayList<>();
        final String headers = WindowKeys.header("");
        try (KeyValueIterator<String, byte[]> entries = index.range(headers + (fromId == null ? "" : fromId),
                headers + Character.MAX_VALUE)) {
            while (entries.hasNext() && indexed.size() < limit) {
                final KeyValue<String, byte[]> header = entries.next();
                final String id = header.key.substring(headers.length());
                indexed.add(new WindowSummary(id, WindowValues.header(header.value).resources(), available(index, id)));
            }
        }
        final List<WindowSummary> whole = WholeWindows.from(wholeWindows, fromId, limit).stream()
                .map(window -> new WindowSummary(window.id(), window.resources().size(),
                        (int) window.resources().stream().filter(Slot::available).count())).toList();
        // both in id order: merge, then keep the first ones
        final List<WindowSummary> merged = new ArrayList<>(indexed);
        merged.addAll(whole);
        merged.sort((a, b) -> a.id().compareTo(b.id()));
        return merged.subList(0, Math.min(limit, merged.size()));
    }

    private static int available(final ReadOnlyKeyValueStore<String, byte[]> index, final String windowId) {
        int available = 0;
        try (KeyValueIterator<String, byte[]> blocks = index.prefixScan(WindowKeys.freeBlocksOf(windowId), Serdes.String().serializer())) {
            while (blocks.hasNext()) {
                available += BitSet.valueOf(blocks.next().value).cardinality();
            }
        }
        return available;
    }
}
