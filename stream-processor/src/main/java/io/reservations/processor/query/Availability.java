package io.reservations.processor.query;

import io.reservations.processor.domain.Slot;
import java.util.Map;
import java.util.TreeMap;

/** How many resources of each type a window has, and how many of them are available. */
public record Availability(String windowId, Map<String, Count> types) {

    public record Count(int total, int available) {
    }

    /** The counts of a window's resources, by type in name order. */
    static Availability of(final String windowId, final Iterable<Slot> resources) {
        final Map<String, Count> types = new TreeMap<>();
        for (final Slot slot : resources) {
            types.merge(slot.type(), new Count(1, slot.available() ? 1 : 0),
                    (a, b) -> new Count(a.total() + b.total(), a.available() + b.available()));
        }
        return new Availability(windowId, types);
    }
}
