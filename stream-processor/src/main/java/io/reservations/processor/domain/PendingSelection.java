package io.reservations.processor.domain;

/**
 * The select-resource command a reservation is waiting on, the type it asked for and, for a hold, how long to
 * hold the resource (ISO-8601; null selects for good). {@code deadlineMillis} is when its master stops waiting for
 * the window's answer (wall clock, set by the master, not by the rules; null in states stored by versions that kept
 * it in a separate timer entry).
 */
public record PendingSelection(String commandId, String resourceType, String holdFor, Long deadlineMillis) {

    public PendingSelection(final String commandId, final String resourceType, final String holdFor) {
        this(commandId, resourceType, holdFor, null);
    }

    public PendingSelection(final String commandId, final String resourceType) {
        this(commandId, resourceType, null);
    }

    PendingSelection withDeadline(final long millis) {
        return new PendingSelection(commandId, resourceType, holdFor, millis);
    }
}
