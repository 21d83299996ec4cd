package io.reservations.contract;

/** @param owner the subject that created it (null when created without authentication) */
public record Reservation(String id, String windowId, ReservationStatus status, SelectedResource selectedResource,
                          String owner) implements EntityView {

    public Reservation(final String id, final String windowId, final ReservationStatus status,
                       final SelectedResource selectedResource) {
        this(id, windowId, status, selectedResource, null);
    }
}
