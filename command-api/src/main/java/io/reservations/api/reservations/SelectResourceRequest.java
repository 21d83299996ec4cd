package io.reservations.api.reservations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reservations.contract.HoldDurations;
import io.reservations.contract.Ids;
import io.reservations.contract.WaitlistDurations;

/**
 * {@code POST /reservations/{id}/select-resource}. The waitlist members are left out of the request's digest when
 * absent, so that a request without them digests as it did before they existed (an Idempotency-Key retried across
 * the upgrade still matches).
 *
 * @param holdFor     ISO-8601 duration from 1 s to 24 h (e.g. {@code PT10M}): hold the resource until a confirm or
 *                    until then; absent selects for good
 * @param waitlist    true: when no resource of the type is free, wait in the window's line (WAITLISTED) instead of a
 *                    409 {@code no-resource-available}; false or absent: do not wait
 * @param waitlistFor with {@code waitlist}: how long to wait at most, ISO-8601 from 1 minute to 30 days (default 7 days)
 */
public record SelectResourceRequest(String resourceType, String holdFor,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean waitlist,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String waitlistFor) {

    public SelectResourceRequest {
        Ids.require("resource_type", resourceType);
        if (holdFor != null && HoldDurations.parse(holdFor).isEmpty()) {
            throw new IllegalArgumentException(
                    "hold_for must be an ISO-8601 duration from 1 second (PT1S) to 24 hours (PT24H), such as PT10M");
        }
        waitlist = Boolean.TRUE.equals(waitlist) ? Boolean.TRUE : null;
        if (waitlistFor != null && waitlist == null) {
            throw new IllegalArgumentException("waitlist_for is only allowed with \"waitlist\": true");
        }
        if (waitlistFor != null && WaitlistDurations.parse(waitlistFor).isEmpty()) {
            throw new IllegalArgumentException(
                    "waitlist_for must be an ISO-8601 duration from 1 minute (PT1M) to 30 days (P30D), such as P2D");
        }
    }

    public SelectResourceRequest(final String resourceType, final String holdFor) {
        this(resourceType, holdFor, null, null);
    }

    public SelectResourceRequest(final String resourceType) {
        this(resourceType, null);
    }

    /** Whether the selection waits in line when no resource of the type is free. */
    public boolean waitsInLine() {
        return Boolean.TRUE.equals(waitlist);
    }
}
