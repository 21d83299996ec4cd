package io.reservations.processor.query;

import io.reservations.processor.domain.Slot;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/** How many resources of each type a window has, how many of them are available, and how many selections wait. */
public record Availability(String windowId, Map<String, Count> types) {

    public record Count(int total, int available, int waitlisted) {
    }

    /** The counts of a window's resources, by type in name order, with the length of each type's line. */
    static Availability of(final String windowId, final Iterable<Slot> resources, final ToIntFunction<String> waiting) {
        final Map<String, Count> types = new TreeMap<>();
        for (final Slot slot : resources) {
            types.merge(slot.type(), new Count(1, slot.available() ? 1 : 0, 0),
                    (a, b) -> new Count(a.total() + b.total(), a.available() + b.available(), 0));
        }
        types.replaceAll((type, count) -> new Count(count.total(), count.available(), waiting.applyAsInt(type)));
        return new Availability(windowId, types);
    }
}
