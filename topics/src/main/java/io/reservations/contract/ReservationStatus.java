package io.reservations.contract;

public enum ReservationStatus {
    PENDING,
    SELECTING,
    CONFIRMED,
    CANCELLED,
    /** The resource is held until {@code hold_expires_at}; a confirm before then makes it CONFIRMED. */
    HELD,
    /** The hold ran out before a confirm and the resource was released. Final. */
    EXPIRED
}
