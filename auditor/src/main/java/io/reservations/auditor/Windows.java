package io.reservations.auditor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the windows' events say, as little as the checks need: each resource's type and holder (with the record
 * that made it), each reservation's holdings, and per window and type the free count and the line.
 */
final class Windows {

    record Resource(String windowId, String resourceId) {
        @Override
        public String toString() {
            return windowId + "/" + resourceId;
        }
    }

    record Line(String windowId, String type) {
        @Override
        public String toString() {
            return windowId + "/" + type;
        }
    }

    /** A resource's type, and its holder with where its allocation is ({@code null} while free). */
    record Slot(String type, String holder, String allocatedAt) {
    }

    private final Map<Resource, Slot> slots = new HashMap<>();
    private final Map<String, Set<Resource>> holdings = new HashMap<>();
    private final Map<Line, Integer> free = new HashMap<>();
    private final Map<Line, Set<String>> lines = new HashMap<>();

    void create(final Resource resource, final String type) {
        if (slots.putIfAbsent(resource, new Slot(type, null, null)) == null) {
            free.merge(new Line(resource.windowId(), type), 1, Integer::sum);
        }
    }

    /** Gives the resource to the reservation; returns its slot before (a holder there is a second one). */
    Slot allocate(final Resource resource, final String type, final String reservationId, final String where) {
        final Slot before = slots.getOrDefault(resource, new Slot(type, null, null));
        if (before.holder() == null) {
            free.merge(new Line(resource.windowId(), before.type()), -1, Integer::sum);
        } else {
            final Set<Resource> previous = holdings.get(before.holder());
            if (previous != null) {
                previous.remove(resource);
            }
        }
        slots.put(resource, new Slot(before.type(), reservationId, where));
        holdings.computeIfAbsent(reservationId, id -> new HashSet<>()).add(resource);
        return before;
    }

    void release(final Resource resource, final String reservationId) {
        final Slot before = slots.get(resource);
        if (before == null || before.holder() == null || !before.holder().equals(reservationId)) {
            return;
        }
        slots.put(resource, new Slot(before.type(), null, null));
        free.merge(new Line(resource.windowId(), before.type()), 1, Integer::sum);
        final Set<Resource> held = holdings.get(reservationId);
        held.remove(resource);
        if (held.isEmpty()) {
            holdings.remove(reservationId);
        }
    }

    void join(final Line line, final String reservationId) {
        lines.computeIfAbsent(line, key -> new LinkedHashSet<>()).add(reservationId);
    }

    void leave(final Line line, final String reservationId) {
        final Set<String> waiting = lines.get(line);
        if (waiting != null && waiting.remove(reservationId) && waiting.isEmpty()) {
            lines.remove(line);
        }
    }

    Set<Resource> heldBy(final String reservationId) {
        return holdings.getOrDefault(reservationId, Set.of());
    }

    Slot slot(final Resource resource) {
        return slots.get(resource);
    }

    int free(final Line line) {
        return free.getOrDefault(line, 0);
    }

    int waiting(final Line line) {
        return lines.getOrDefault(line, Set.of()).size();
    }

    String firstWaiting(final Line line) {
        return lines.getOrDefault(line, Set.of()).stream().findFirst().orElse(null);
    }
}
