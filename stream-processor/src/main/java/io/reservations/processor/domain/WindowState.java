package io.reservations.processor.domain;

import io.reservations.contract.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A whole window in memory, resources in the order the window declared them: the fold of its events, and the
 * value of the store layout before windows were indexed (read once, then migrated).
 */
public record WindowState(String id, List<Slot> resources) implements WindowSlots {

    public WindowState {
        resources = List.copyOf(resources);
    }

    public Window toView() {
        return new Window(id, resources.stream().map(Slot::toView).toList());
    }

    @Override
    public Optional<Slot> firstAvailable(final String type) {
        return find(slot -> slot.available() && slot.type().equals(type));
    }

    @Override
    public Optional<Slot> heldBy(final String reservationId) {
        return find(slot -> reservationId.equals(slot.heldBy()));
    }

    @Override
    public Optional<Slot> resource(final String resourceId) {
        return find(slot -> slot.id().equals(resourceId));
    }

    private Optional<Slot> find(final Predicate<Slot> predicate) {
        return resources.stream().filter(predicate).findFirst();
    }

    WindowState replace(final String resourceId, final String heldBy) {
        final List<Slot> updated = new ArrayList<>(resources.size());
        for (final Slot slot : resources) {
            updated.add(slot.id().equals(resourceId) ? slot.heldBy(heldBy) : slot);
        }
        return new WindowState(id, updated);
    }
}
