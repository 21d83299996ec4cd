package io.reservations.api.quotas;

import io.reservations.topics.OwnerUsage;

/** What an owner's quotas bound, each counted in {@link OwnerUsage}. */
public enum Quota {
    OPEN_RESERVATIONS("open reservations (PENDING, HELD or WAITLISTED)"),
    ACTIVE_HOLDS("active holds"),
    WINDOWS("windows"),
    WAITLIST_PLACES("places in waitlists");

    private final String description;

    Quota(final String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    long used(final OwnerUsage usage) {
        return switch (this) {
            case OPEN_RESERVATIONS -> usage.openReservations();
            case ACTIVE_HOLDS -> usage.activeHolds();
            case WINDOWS -> usage.windows();
            case WAITLIST_PLACES -> usage.waitlistPlaces();
        };
    }
}
