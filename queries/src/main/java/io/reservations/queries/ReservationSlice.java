package io.reservations.queries;

import io.reservations.contract.Reservation;
import java.util.List;
import java.util.Optional;

/**
 * One page of reservations in index order, where the next page starts (empty: nothing after it), and how many
 * index entries were read for it (a page that read its whole scan budget may hold fewer items than asked, even
 * none, and still have a next one).
 */
public record ReservationSlice(List<Reservation> items, Optional<String> next, int scanned) {
}
