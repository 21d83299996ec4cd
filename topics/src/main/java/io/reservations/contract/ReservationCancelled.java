package io.reservations.contract;

import java.time.Instant;

/** {@code released_resource_id} is the resource the window is asked to release, or null when none was held. */
public record ReservationCancelled(String commandId, Instant occurredAt, String reservationId, String windowId,
                                   String releasedResourceId) implements ReservationEvent {
}
