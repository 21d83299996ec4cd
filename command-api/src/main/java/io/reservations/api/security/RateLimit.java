package io.reservations.api.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per caller (token subject, or client address without a token), on by default at a generous rate,
 * higher for the roles named in {@code roles}; and refused authentications per client address, counted before
 * any token is checked.
 *
 * @param perSecond        the sustained rate of a caller with none of the roles in {@code roles}
 * @param burst            how many requests such a caller may send at once after a quiet moment
 * @param refusedPerSecond the sustained rate of refused authentications (401) per client address
 * @param refusedBurst     how many refused authentications an address may have at once after a quiet moment
 * @param roles            the rate of a caller with this role (the {@code roles} claim); with several, the
 *                         highest ({@code admin} and {@code service} by default: application.yml)
 */
public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("200") long perSecond,
                        @DefaultValue("400") long burst, @DefaultValue("10") long refusedPerSecond,
                        @DefaultValue("100") long refusedBurst, Map<String, Rate> roles) {

    public RateLimit {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    /** A sustained rate per second and the burst allowed after a quiet moment. */
    public record Rate(long perSecond, long burst) {
    }

    /** The rate of a caller with these roles. */
    public Rate rateFor(final Collection<String> callerRoles) {
        return callerRoles.stream().map(roles::get).filter(Objects::nonNull)
                .max(Comparator.comparingLong(Rate::perSecond)).orElse(new Rate(perSecond, burst));
    }
}
