package io.reservations.processor.domain;

/**
 * The select-resource command a reservation is waiting on, the type it asked for and, for a hold, how long to
 * hold the resource (ISO-8601; null selects for good). The rest is set by the master, not by the rules (null in
 * states stored by builds that kept it elsewhere): {@code deadlineMillis}, when it stops waiting for the window's
 * answer (wall clock); the request's digest, its sender and when it was accepted, which the command's result
 * carries and the de-duplication store keeps once the result is known.
 */
public record PendingSelection(String commandId, String resourceType, String holdFor, Long deadlineMillis,
                               String requestHash, String requestedBy, Long acceptedAt) {

    public PendingSelection(final String commandId, final String resourceType, final String holdFor) {
        this(commandId, resourceType, holdFor, null, null, null, null);
    }

    public PendingSelection(final String commandId, final String resourceType) {
        this(commandId, resourceType, null);
    }

    public PendingSelection withDeadline(final long millis) {
        return new PendingSelection(commandId, resourceType, holdFor, millis, requestHash, requestedBy, acceptedAt);
    }

    public PendingSelection withRequest(final String digest, final String sender, final long acceptedAtMillis) {
        return new PendingSelection(commandId, resourceType, holdFor, deadlineMillis, digest, sender, acceptedAtMillis);
    }
}
