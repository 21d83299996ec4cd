package io.reservations.auditor;

/** The promises DESIGN.md lists, each as the auditor names it in metrics ({@code invariant} tag) and log lines. */
public enum Invariant {
    /** No resource held by two reservations: reported at once, with no grace. */
    RESOURCE_HELD_TWICE("resource-held-twice"),
    /** Every CONFIRMED or HELD reservation holds exactly the resource its window says, and nothing else. */
    HOLDER_MISMATCH("holder-mismatch"),
    /** Nothing EXPIRED, CANCELLED or PENDING holds anything. */
    INACTIVE_HOLDS("inactive-holds"),
    /** A bundle's items are all allocated or none. */
    BUNDLE_ALL_OR_NONE("bundle-all-or-none"),
    /** No free resource of a type while its waitlist is not empty. */
    FREE_WHILE_WAITING("free-while-waiting"),
    /** No saga (a selection, a wait in line, a hold, a bundle) open past its deadline. */
    SAGA_PAST_DEADLINE("saga-past-deadline");

    private final String tag;

    Invariant(final String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
