package io.reservations.api.reservations;

import io.reservations.contract.Ids;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /reservations/{id}/select-resource}.
 *
 * @param holdFor ISO-8601 duration from 1 s to 24 h (e.g. {@code PT10M}): hold the resource until a confirm or
 *                until then; absent selects for good
 */
public record SelectResourceRequest(String resourceType, String holdFor) {

    private static final Duration SHORTEST_HOLD = Duration.ofSeconds(1);
    private static final Duration LONGEST_HOLD = Duration.ofHours(24);

    public SelectResourceRequest {
        Ids.require("resource_type", resourceType);
        if (holdFor != null) {
            final Duration hold = parse(holdFor);
            if (hold.compareTo(SHORTEST_HOLD) < 0 || hold.compareTo(LONGEST_HOLD) > 0) {
                throw new IllegalArgumentException("hold_for must be from 1 second (PT1S) to 24 hours (PT24H)");
            }
        }
    }

    private static Duration parse(final String holdFor) {
        try {
            return Duration.parse(holdFor);
        } catch (final DateTimeParseException e) {
            throw new IllegalArgumentException("hold_for must be an ISO-8601 duration such as PT10M");
        }
    }

    public SelectResourceRequest(final String resourceType) {
        this(resourceType, null);
    }
}
