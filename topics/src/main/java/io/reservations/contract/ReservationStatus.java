package io.reservations.contract;

public enum ReservationStatus {
    PENDING,
    SELECTING,
    CONFIRMED,
    CANCELLED
}
