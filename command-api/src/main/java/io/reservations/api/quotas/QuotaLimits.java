package io.reservations.api.quotas;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one owner may keep at a time ({@code reservations.api.quotas}): the defaults for every caller, and
 * limits of their own for the roles in {@code roles} (a caller with several roles gets the largest of each).
 * A negative limit is no limit.
 *
 * @param openReservations reservations not settled yet ({@code PENDING}, {@code HELD}, {@code WAITLISTED})
 * @param activeHolds      reservations {@code HELD}
 * @param windows          windows created
 * @param waitlistPlaces   reservations {@code WAITLISTED}
 * @param roles            the limits of a caller with this role ({@code admin} and {@code service}: application.yml)
 */
public record QuotaLimits(@DefaultValue("true") boolean enabled, @DefaultValue("1000") long openReservations,
                          @DefaultValue("100") long activeHolds, @DefaultValue("100") long windows,
                          @DefaultValue("100") long waitlistPlaces, Map<String, Limits> roles) {

    public QuotaLimits {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    /** One set of limits; negative: none. A role that names no waitlist limit has none of its own (null). */
    public record Limits(long openReservations, long activeHolds, long windows, Long waitlistPlaces) {

        Long of(final Quota quota) {
            return switch (quota) {
                case OPEN_RESERVATIONS -> openReservations;
                case ACTIVE_HOLDS -> activeHolds;
                case WINDOWS -> windows;
                case WAITLIST_PLACES -> waitlistPlaces;
            };
        }
    }

    /** The limit of {@code quota} for a caller with these roles; negative: none. */
    public long limitOf(final Quota quota, final Collection<String> callerRoles) {
        final long base = new Limits(openReservations, activeHolds, windows, waitlistPlaces).of(quota);
        return callerRoles.stream().map(roles::get).filter(Objects::nonNull).map(limits -> limits.of(quota))
                .filter(Objects::nonNull).reduce(base, (a, b) -> a < 0 || b < 0 ? -1 : Math.max(a, b));
    }
}
