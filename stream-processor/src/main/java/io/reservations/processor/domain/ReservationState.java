package io.reservations.processor.domain;

import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectedResource;

/**
 * A reservation as its master holds it. {@code pendingSelection} is set while a selection is in flight; it
 * outlives a cancel so that the late answer of the window can still close that selection.
 */
public record ReservationState(String id, String windowId, ReservationStatus status,
                               SelectedResource selectedResource, PendingSelection pendingSelection, String owner) {

    public ReservationState(final String id, final String windowId, final ReservationStatus status,
                            final SelectedResource selectedResource, final PendingSelection pendingSelection) {
        this(id, windowId, status, selectedResource, pendingSelection, null);
    }

    public Reservation toView() {
        return new Reservation(id, windowId, status, selectedResource, owner);
    }

    /** Whether a caller may see and change it: an admin, or its owner. No subject is nobody's owner. */
    public boolean accessibleTo(final String subject, final boolean admin) {
        return admin || subject != null && subject.equals(owner);
    }

    ReservationState with(final ReservationStatus newStatus, final SelectedResource resource,
                          final PendingSelection selection) {
        return new ReservationState(id, windowId, newStatus, resource, selection, owner);
    }
}
