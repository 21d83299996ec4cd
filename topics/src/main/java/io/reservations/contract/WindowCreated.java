package io.reservations.contract;

import java.time.Instant;
import java.util.List;

public record WindowCreated(String commandId, Instant occurredAt, String windowId, List<ResourceSpec> resources)
        implements WindowEvent {
}
