package io.reservations.contract;

import java.time.Instant;

/**
 * @param holdFor     the hold asked for (ISO-8601), absent for a selection for good
 * @param waitlist    true when the selection waits in line if no resource is free; absent otherwise
 * @param waitlistFor with {@code waitlist}: how long it waits at most (ISO-8601), absent for the default
 * @param bundleId    the bundle the selection is for (its create command's id is {@code command_id}); absent otherwise
 */
public record SelectionStarted(String commandId, Instant occurredAt, String reservationId, String windowId,
                               String resourceType, String holdFor, Boolean waitlist, String waitlistFor,
                               String bundleId) implements ReservationEvent {

    public SelectionStarted {
        waitlist = Boolean.TRUE.equals(waitlist) ? Boolean.TRUE : null;
    }

    public SelectionStarted(final String commandId, final Instant occurredAt, final String reservationId,
                            final String windowId, final String resourceType, final String holdFor,
                            final Boolean waitlist, final String waitlistFor) {
        this(commandId, occurredAt, reservationId, windowId, resourceType, holdFor, waitlist, waitlistFor, null);
    }

    public SelectionStarted(final String commandId, final Instant occurredAt, final String reservationId,
                            final String windowId, final String resourceType, final String holdFor) {
        this(commandId, occurredAt, reservationId, windowId, resourceType, holdFor, null, null);
    }

    public SelectionStarted(final String commandId, final Instant occurredAt, final String reservationId,
                            final String windowId, final String resourceType) {
        this(commandId, occurredAt, reservationId, windowId, resourceType, null);
    }
}
