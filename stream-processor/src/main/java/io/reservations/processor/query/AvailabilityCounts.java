package io.reservations.processor.query;

import io.reservations.processor.domain.Slot;
import io.reservations.queries.Availability;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/** Counts a window's resources into its {@link Availability}. */
final class AvailabilityCounts {

    private AvailabilityCounts() {
    }

    /** The counts of a window's resources, by type in name order, with the length of each type's line. */
    static Availability of(final String windowId, final Iterable<Slot> resources, final ToIntFunction<String> waiting) {
        final Map<String, Availability.Count> types = new TreeMap<>();
        for (final Slot slot : resources) {
            types.merge(slot.type(), new Availability.Count(1, slot.available() ? 1 : 0, 0),
                    (a, b) -> new Availability.Count(a.total() + b.total(), a.available() + b.available(), 0));
        }
        types.replaceAll((type, count) -> new Availability.Count(count.total(), count.available(),
                waiting.applyAsInt(type)));
        return new Availability(windowId, types);
    }
}
