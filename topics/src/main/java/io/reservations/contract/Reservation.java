package io.reservations.contract;

import java.time.Instant;

/**
 * @param owner         the subject that created it (null when created without authentication)
 * @param holdExpiresAt while HELD: when the hold runs out; absent otherwise
 */
public record Reservation(String id, String windowId, ReservationStatus status, SelectedResource selectedResource,
                          String owner, Instant holdExpiresAt) implements EntityView {

    public Reservation(final String id, final String windowId, final ReservationStatus status,
                       final SelectedResource selectedResource, final String owner) {
        this(id, windowId, status, selectedResource, owner, null);
    }

    public Reservation(final String id, final String windowId, final ReservationStatus status,
                       final SelectedResource selectedResource) {
        this(id, windowId, status, selectedResource, null);
    }
}
