package io.reservations.processor.domain;

/**
 * The select-resource command a reservation is waiting on, the type it asked for, for a hold how long to hold the
 * resource (ISO-8601; null selects for good), and for a selection that may wait in line how long at most
 * ({@code waitlistFor}, ISO-8601; null for the default). The rest is set by the master, not by the rules (null in
 * states stored by builds that kept it elsewhere): {@code deadlineMillis}, when it stops waiting for the window's
 * answer (wall clock); the request's digest, its sender and when it was accepted, which the command's result
 * carries and the de-duplication store keeps once the result is known.
 */
public record PendingSelection(String commandId, String resourceType, String holdFor, Long deadlineMillis,
                               String requestHash, String requestedBy, Long acceptedAt, String waitlistFor) {

    public PendingSelection(final String commandId, final String resourceType, final String holdFor,
                            final Long deadlineMillis, final String requestHash, final String requestedBy,
                            final Long acceptedAt) {
        this(commandId, resourceType, holdFor, deadlineMillis, requestHash, requestedBy, acceptedAt, null);
    }

    public PendingSelection(final String commandId, final String resourceType, final String holdFor) {
        this(commandId, resourceType, holdFor, null, null, null, null);
    }

    /** A selection that waits in line when no resource is free, at most {@code waitlistFor} (null: the default). */
    public static PendingSelection waiting(final String commandId, final String resourceType, final String holdFor,
                                           final String waitlistFor) {
        return new PendingSelection(commandId, resourceType, holdFor, null, null, null, null, waitlistFor);
    }

    public PendingSelection(final String commandId, final String resourceType) {
        this(commandId, resourceType, null);
    }

    public PendingSelection withDeadline(final long millis) {
        return new PendingSelection(commandId, resourceType, holdFor, millis, requestHash, requestedBy, acceptedAt,
                waitlistFor);
    }

    public PendingSelection withRequest(final String digest, final String sender, final long acceptedAtMillis) {
        return new PendingSelection(commandId, resourceType, holdFor, deadlineMillis, digest, sender, acceptedAtMillis,
                waitlistFor);
    }
}
