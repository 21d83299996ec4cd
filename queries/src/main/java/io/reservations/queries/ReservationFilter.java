package io.reservations.queries;

import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import java.util.function.Predicate;

/** Which reservations a listing wants: in one window (null: any), in one status (null: any). */
public record ReservationFilter(String windowId, ReservationStatus status) implements Predicate<Reservation> {

    @Override
    public boolean test(final Reservation reservation) {
        return (windowId == null || windowId.equals(reservation.windowId()))
                && (status == null || status == reservation.status());
    }
}
