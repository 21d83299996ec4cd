package io.reservations.processor.domain;

import io.reservations.contract.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A window as its master holds it: resources in the order the window declared them. */
public record WindowState(String id, List<Slot> resources) {

    public WindowState {
        resources = List.copyOf(resources);
    }

    public Window toView() {
        return new Window(id, resources.stream().map(Slot::toView).toList());
    }

    Optional<Slot> find(final Predicate<Slot> predicate) {
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
