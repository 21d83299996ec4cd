package io.reservations.processor.store;

import io.reservations.processor.domain.WaitingSelection;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The lines of a partition's windows in the {@code window-index} store, one per (window, type): each waiting
 * selection under a number in join order, where each reservation waits, and each line's ends and length. A join,
 * a leave and a promotion read and write a few values whatever the line's length; the head is the first entry from
 * the line's first number still in use (entries left from the middle are skipped, as RocksDB skips their deletes).
 */
final class WindowLines {

    /** Where a reservation waits: the line's type and its number in it. */
    public record Place(String resourceType, long number) {
    }

    /**
     * @param first  no entry of the line has a smaller number (entries before it have left)
     * @param next   the number the next joiner gets
     * @param length how many wait
     */
    public record Ends(long first, long next, int length) {

        static final Ends EMPTY = new Ends(0, 0, 0);
    }

    private static final Serializer<WaitingSelection> WAITING_WRITER = new StoreSerde<>(WaitingSelection.class).serializer();
    private static final Deserializer<WaitingSelection> WAITING_READER = new StoreSerde<>(WaitingSelection.class).deserializer();
    private static final Serializer<Place> PLACE_WRITER = new StoreSerde<>(Place.class).serializer();
    private static final Deserializer<Place> PLACE_READER = new StoreSerde<>(Place.class).deserializer();
    private static final Serializer<Ends> ENDS_WRITER = new StoreSerde<>(Ends.class).serializer();
    private static final Deserializer<Ends> ENDS_READER = new StoreSerde<>(Ends.class).deserializer();

    private final KeyValueStore<String, byte[]> index;

    WindowLines(final KeyValueStore<String, byte[]> index) {
        this.index = index;
    }

    void join(final String windowId, final WaitingSelection waiting) {
        final Ends ends = ends(windowId, waiting.resourceType());
        index.put(WindowKeys.inLine(windowId, waiting.resourceType(), ends.next()), WAITING_WRITER.serialize(null, waiting));
        index.put(WindowKeys.waiter(windowId, waiting.reservationId()),
                PLACE_WRITER.serialize(null, new Place(waiting.resourceType(), ends.next())));
        putEnds(windowId, waiting.resourceType(), new Ends(ends.first(), ends.next() + 1, ends.length() + 1));
    }

    /** Takes the reservation out of its line (after a promotion, a cancel, or the end of its wait). */
    Optional<WaitingSelection> leave(final String windowId, final String reservationId) {
        final Place place = PLACE_READER.deserialize(null, index.get(WindowKeys.waiter(windowId, reservationId)));
        if (place == null) {
            return Optional.empty();
        }
        final String key = WindowKeys.inLine(windowId, place.resourceType(), place.number());
        final WaitingSelection waiting = WAITING_READER.deserialize(null, index.get(key));
        index.delete(key);
        index.delete(WindowKeys.waiter(windowId, reservationId));
        final Ends ends = ends(windowId, place.resourceType());
        putEnds(windowId, place.resourceType(), new Ends(
                place.number() == ends.first() ? ends.first() + 1 : ends.first(), ends.next(), ends.length() - 1));
        return Optional.ofNullable(waiting);
    }

    int length(final String windowId, final String type) {
        return ends(windowId, type).length();
    }

    Optional<WaitingSelection> first(final String windowId, final String type) {
        final Ends ends = ends(windowId, type);
        if (ends.length() == 0) {
            return Optional.empty();
        }
        try (KeyValueIterator<String, byte[]> line = index.range(WindowKeys.inLine(windowId, type, ends.first()),
                WindowKeys.linesOf(windowId, type) + Character.MAX_VALUE)) {
            return line.hasNext() ? Optional.of(WAITING_READER.deserialize(null, line.next().value)) : Optional.empty();
        }
    }

    Optional<WaitingSelection> of(final String windowId, final String reservationId) {
        final Place place = PLACE_READER.deserialize(null, index.get(WindowKeys.waiter(windowId, reservationId)));
        return place == null ? Optional.empty() : Optional.ofNullable(WAITING_READER.deserialize(null,
                index.get(WindowKeys.inLine(windowId, place.resourceType(), place.number()))));
    }

    private Ends ends(final String windowId, final String type) {
        return ends(index, windowId, type);
    }

    static WaitingSelection waiting(final byte[] entry) {
        return WAITING_READER.deserialize(null, entry);
    }

    static Ends ends(final ReadOnlyKeyValueStore<String, byte[]> index, final String windowId, final String type) {
        final Ends ends = ENDS_READER.deserialize(null, index.get(WindowKeys.lineEnds(windowId, type)));
        return ends == null ? Ends.EMPTY : ends;
    }

    private void putEnds(final String windowId, final String type, final Ends ends) {
        if (ends.length() == 0) {
            index.delete(WindowKeys.lineEnds(windowId, type)); // numbers start again from 0: the line is empty
        } else {
            index.put(WindowKeys.lineEnds(windowId, type), ENDS_WRITER.serialize(null, ends));
        }
    }
}
