package io.reservations.processor.domain;

import java.util.Optional;

/**
 * What the window's rules read of a window: three lookups, so that a master can answer them from an index in
 * a few reads instead of loading every resource.
 */
public interface WindowSlots {

    String id();

    /** The first available resource of {@code type}, in the order the window declared its resources. */
    Optional<Slot> firstAvailable(String type);

    /** The resource {@code reservationId} holds here, if any. */
    Optional<Slot> heldBy(String reservationId);

    /** The resource with this id, if the window has one. */
    Optional<Slot> resource(String resourceId);
}
