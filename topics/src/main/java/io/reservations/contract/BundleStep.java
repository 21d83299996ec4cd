package io.reservations.contract;

/** What a bundle's master asks of an item's reservation when the bundle moves ({@code SETTLE_BUNDLE_ITEM}). */
public enum BundleStep {
    /** The bundle is CONFIRMED: hold the resource the window gave for good. */
    CONFIRM,
    /** The bundle is HELD: hold the resource until {@code hold_expires_at} (the bundle's timer ends it). */
    HOLD,
    /** A HELD bundle was confirmed: confirm the hold. */
    CONFIRM_HOLD,
    /** The bundle is REJECTED: back to PENDING, any resource the window gave released. */
    RELEASE,
    /** The bundle's hold ran out: EXPIRED, the resource released. */
    EXPIRE,
    /** The bundle was cancelled: CANCELLED unless already, the resource released. */
    CANCEL
}
