package io.reservations.processor.domain;

import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectedResource;

/**
 * A reservation as its master holds it. {@code pendingSelection} is set while a selection is in flight; it
 * outlives a cancel so that the late answer of the window can still close that selection.
 */
public record ReservationState(String id, String windowId, ReservationStatus status,
                               SelectedResource selectedResource, PendingSelection pendingSelection) {

    public Reservation toView() {
        return new Reservation(id, windowId, status, selectedResource);
    }

    ReservationState with(final ReservationStatus newStatus, final SelectedResource resource,
                          final PendingSelection selection) {
        return new ReservationState(id, windowId, newStatus, resource, selection);
    }
}
