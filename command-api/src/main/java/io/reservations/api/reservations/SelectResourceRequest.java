package io.reservations.api.reservations;

import io.reservations.contract.HoldDurations;
import io.reservations.contract.Ids;

/**
 * {@code POST /reservations/{id}/select-resource}.
 *
 * @param holdFor ISO-8601 duration from 1 s to 24 h (e.g. {@code PT10M}): hold the resource until a confirm or
 *                until then; absent selects for good
 */
public record SelectResourceRequest(String resourceType, String holdFor) {

    public SelectResourceRequest {
        Ids.require("resource_type", resourceType);
        if (holdFor != null && HoldDurations.parse(holdFor).isEmpty()) {
            throw new IllegalArgumentException(
                    "hold_for must be an ISO-8601 duration from 1 second (PT1S) to 24 hours (PT24H), such as PT10M");
        }
    }

    public SelectResourceRequest(final String resourceType) {
        this(resourceType, null);
    }
}
