package io.reservations.contract;

import java.time.Instant;

/** Events of {@code window.events}, keyed by window id. */
public sealed interface WindowEvent permits WindowCreated, ResourceAllocated, ResourceReleased, WaitlistJoined,
        WaitlistLeft {

    String commandId();

    Instant occurredAt();

    String windowId();
}
