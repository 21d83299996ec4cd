package io.reservations.processor.domain;

import java.time.Instant;

/**
 * The select-resource command a reservation is waiting on, the type it asked for, for a hold how long to hold the
 * resource (ISO-8601; null selects for good), and when the selection started (its deadline counts from then).
 */
public record PendingSelection(String commandId, String resourceType, String holdFor, Instant startedAt) {

    public PendingSelection(final String commandId, final String resourceType, final String holdFor) {
        this(commandId, resourceType, holdFor, null);
    }

    public PendingSelection(final String commandId, final String resourceType) {
        this(commandId, resourceType, null);
    }
}
