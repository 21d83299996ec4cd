package io.reservations.processor.domain;

import io.reservations.contract.WindowResource;

/** One resource of a window; {@code heldBy} is the holding reservation's id, or null when available. */
public record Slot(String id, String type, String heldBy) {

    public boolean available() {
        return heldBy == null;
    }

    Slot heldBy(final String reservationId) {
        return new Slot(id, type, reservationId);
    }

    WindowResource toView() {
        return new WindowResource(id, type, available(), heldBy);
    }
}
