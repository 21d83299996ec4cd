package io.reservations.contract;

public record Reservation(String id, String windowId, ReservationStatus status, SelectedResource selectedResource)
        implements EntityView {
}
