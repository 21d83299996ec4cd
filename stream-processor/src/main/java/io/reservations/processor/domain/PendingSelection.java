package io.reservations.processor.domain;

/**
 * The select-resource command a reservation is waiting on, the type it asked for and, for a hold, how long to
 * hold the resource (ISO-8601; null selects for good).
 */
public record PendingSelection(String commandId, String resourceType, String holdFor) {

    public PendingSelection(final String commandId, final String resourceType) {
        this(commandId, resourceType, null);
    }
}
