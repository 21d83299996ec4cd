package io.reservations.contract;

public enum ReservationStatus {
    PENDING,
    SELECTING,
    CONFIRMED,
    CANCELLED,
    /** The resource is held until {@code hold_expires_at}; a confirm before then makes it CONFIRMED. */
    HELD,
    /** The hold ran out before a confirm and the resource was released. Final. */
    EXPIRED,
    /**
     * In the window's line for a resource of the type ({@code waitlist_position}): the first one to come free goes
     * to it, CONFIRMED (or HELD when it asked for a hold); back to PENDING when {@code waitlist_for} runs out.
     */
    WAITLISTED
}
