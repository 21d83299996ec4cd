package io.reservations.contract;

/** A bundle's life: SELECTING until every item answered, then CONFIRMED, HELD or REJECTED; HELD ends CONFIRMED or EXPIRED. */
public enum BundleStatus {
    /** Its items are being selected; none moves until all have answered or one is refused. */
    SELECTING,
    /** Every item holds its resource for good; from here on the items are ordinary confirmed reservations. */
    CONFIRMED,
    /** Every item holds its resource until {@code hold_expires_at}; a confirm before then confirms them all. */
    HELD,
    /** An item was refused (its {@code code}, {@code failed_reservation_id}): nothing is held, the items are PENDING. Final. */
    REJECTED,
    /** The hold ran out before a confirm: every item EXPIRED, its resource released. Final. */
    EXPIRED,
    /** Cancelled: every item still active CANCELLED, its resource released. Final. */
    CANCELLED
}
