package io.reservations.contract;

import java.time.Instant;

/**
 * @param owner         the subject that created it (null when created without authentication)
 * @param holdExpiresAt    while HELD: when the hold runs out; absent otherwise
 * @param waitlistPosition while WAITLISTED: its place in the window's line for the type when it joined (1 for the
 *                         first), not renumbered as the line moves; absent otherwise
 * @param bundleId         the bundle it is an item of, from the bundle's selection on (absent when none, or after
 *                         the bundle was rejected)
 */
public record Reservation(String id, String windowId, ReservationStatus status, SelectedResource selectedResource,
                          String owner, Instant holdExpiresAt, Integer waitlistPosition, String bundleId)
        implements EntityView {

    public Reservation(final String id, final String windowId, final ReservationStatus status,
                       final SelectedResource selectedResource, final String owner, final Instant holdExpiresAt,
                       final Integer waitlistPosition) {
        this(id, windowId, status, selectedResource, owner, holdExpiresAt, waitlistPosition, null);
    }

    public Reservation(final String id, final String windowId, final ReservationStatus status,
                       final SelectedResource selectedResource, final String owner, final Instant holdExpiresAt) {
        this(id, windowId, status, selectedResource, owner, holdExpiresAt, null);
    }

    public Reservation(final String id, final String windowId, final ReservationStatus status,
                       final SelectedResource selectedResource, final String owner) {
        this(id, windowId, status, selectedResource, owner, null);
    }

    public Reservation(final String id, final String windowId, final ReservationStatus status,
                       final SelectedResource selectedResource) {
        this(id, windowId, status, selectedResource, null);
    }
}
