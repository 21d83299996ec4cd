package io.reservations.processor.domain;

import java.util.Optional;

/**
 * What the window's rules read of a window: a few lookups, so that a master can answer them from an index in a
 * few reads instead of loading every resource or every waiting selection.
 */
public interface WindowSlots {

    String id();

    /** The first available resource of {@code type}, in the order the window declared its resources. */
    Optional<Slot> firstAvailable(String type);

    /** The resource with this id, if the window has one. */
    Optional<Slot> resource(String resourceId);

    /** Whether the window declared resources of {@code type}. */
    boolean declares(String type);

    /** How many selections wait in line for a resource of {@code type}. */
    int waiting(String type);

    /** The selection at the head of the line for {@code type}: the first to get a resource that comes free. */
    Optional<WaitingSelection> firstInLine(String type);

    /** The place in line of {@code reservationId}, if it waits here. */
    Optional<WaitingSelection> inLine(String reservationId);
}
