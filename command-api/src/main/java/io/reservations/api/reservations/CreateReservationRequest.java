package io.reservations.api.reservations;

import io.reservations.contract.Ids;

/** {@code POST /reservations}. */
public record CreateReservationRequest(String id, String windowId) {

    public CreateReservationRequest {
        if (id != null) {
            Ids.require("id", id);
        }
        Ids.require("window_id", windowId);
    }
}
