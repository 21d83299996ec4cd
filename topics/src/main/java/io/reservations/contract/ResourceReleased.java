package io.reservations.contract;

import java.time.Instant;

public record ResourceReleased(String commandId, Instant occurredAt, String windowId, String resourceId,
                               String resourceType, String reservationId) implements WindowEvent {
}
