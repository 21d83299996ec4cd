package io.reservations.api.reservations;

import io.reservations.contract.Ids;

/** {@code POST /reservations/{id}/select-resource}. */
public record SelectResourceRequest(String resourceType) {

    public SelectResourceRequest {
        Ids.require("resource_type", resourceType);
    }
}
