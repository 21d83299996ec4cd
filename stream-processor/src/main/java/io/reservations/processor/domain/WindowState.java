package io.reservations.processor.domain;

import io.reservations.contract.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A whole window in memory, resources in the order the window declared them and the selections waiting in line, by
 * type in name order and in join order within a type (the order is the same however it was assembled): the fold of
 * its events, and the value of the store layout before windows were indexed (read once, then migrated; those values
 * have no line).
 */
public record WindowState(String id, List<Slot> resources, List<WaitingSelection> line) implements WindowSlots {

    public WindowState {
        resources = List.copyOf(resources);
        line = line == null ? List.of()
                : line.stream().sorted(Comparator.comparing(WaitingSelection::resourceType)).toList(); // stable
    }

    public WindowState(final String id, final List<Slot> resources) {
        this(id, resources, List.of());
    }

    public Window toView() {
        return new Window(id, resources.stream().map(Slot::toView).toList());
    }

    @Override
    public Optional<Slot> firstAvailable(final String type) {
        return find(slot -> slot.available() && slot.type().equals(type));
    }

    @Override
    public Optional<Slot> resource(final String resourceId) {
        return find(slot -> slot.id().equals(resourceId));
    }

    @Override
    public boolean declares(final String type) {
        return find(slot -> slot.type().equals(type)).isPresent();
    }

    @Override
    public int waiting(final String type) {
        return (int) line.stream().filter(waiting -> waiting.resourceType().equals(type)).count();
    }

    @Override
    public Optional<WaitingSelection> firstInLine(final String type) {
        return line.stream().filter(waiting -> waiting.resourceType().equals(type)).findFirst();
    }

    @Override
    public Optional<WaitingSelection> inLine(final String reservationId) {
        return line.stream().filter(waiting -> waiting.reservationId().equals(reservationId)).findFirst();
    }

    private Optional<Slot> find(final Predicate<Slot> predicate) {
        return resources.stream().filter(predicate).findFirst();
    }

    WindowState replace(final String resourceId, final String heldBy) {
        final List<Slot> updated = new ArrayList<>(resources.size());
        for (final Slot slot : resources) {
            updated.add(slot.id().equals(resourceId) ? slot.heldBy(heldBy) : slot);
        }
        return new WindowState(id, updated, line);
    }

    WindowState joined(final WaitingSelection waiting) {
        final List<WaitingSelection> longer = new ArrayList<>(line);
        longer.add(waiting);
        return new WindowState(id, resources, longer);
    }

    WindowState left(final String reservationId) {
        return new WindowState(id, resources, line.stream()
                .filter(waiting -> !waiting.reservationId().equals(reservationId)).toList());
    }
}
