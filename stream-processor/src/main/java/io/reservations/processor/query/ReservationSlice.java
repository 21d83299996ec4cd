package io.reservations.processor.query;

import io.reservations.contract.Reservation;
import java.util.List;
import java.util.Optional;

/** One page of an owner's reservations in id order, and the id the next page starts from (empty: the last page). */
public record ReservationSlice(List<Reservation> items, Optional<String> next) {
}
