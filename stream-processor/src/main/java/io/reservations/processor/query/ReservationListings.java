package io.reservations.processor.query;

import io.reservations.contract.Reservation;
import io.reservations.queries.EntityQueries;
import io.reservations.queries.ReservationFilter;
import io.reservations.queries.ReservationSlice;
import io.reservations.topics.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Listings of one partition of the owner index ({@code <owner>|<reservation id>}, partitioned by owner): one owner's
 * reservations are one range of one partition; everyone's, partition after partition. Filters apply to the decoded
 * entries, so a page reads at most {@link EntityQueries#SCAN_BUDGET} entries: a filter that matches little cannot make one
 * request decode a whole index; the page then ends early, with where to go on.
 */
final class ReservationListings {

    private static final Deserializer<Reservation> JSON = new JsonSerde<>(Reservation.class).deserializer();

    private final ReadOnlyKeyValueStore<String, byte[]> index;
    private final int budget;

    ReservationListings(final ReadOnlyKeyValueStore<String, byte[]> index) {
        this(index, EntityQueries.SCAN_BUDGET);
    }

    /** @param budget the most entries {@link #reservationsOf} reads */
    ReservationListings(final ReadOnlyKeyValueStore<String, byte[]> index, final int budget) {
        this.index = index;
        this.budget = budget;
    }

    /**
     * Up to {@code limit} of the owner's reservations the filter accepts, in id order from {@code fromId} on (null:
     * the first): one range of the owner-index partition this instance holds for the owner.
     */
    ReservationSlice reservationsOf(final String owner, final ReservationFilter filter, final String fromId,
                                           final int limit) {
        final String prefix = owner + "|";
        final List<Reservation> items = new ArrayList<>();
        int scanned = 0;
        try (KeyValueIterator<String, byte[]> entries = index.range(prefix + (fromId == null ? "" : fromId),
                prefix + Character.MAX_VALUE)) {
            while (entries.hasNext()) {
                if (scanned == budget) { // the rest of the key: an id, or where the range of this owner goes on
                    return new ReservationSlice(items, Optional.of(entries.peekNextKey().substring(prefix.length())), scanned);
                }
                final KeyValue<String, byte[]> entry = entries.next();
                scanned++;
                final Reservation reservation = decode(entry.value);
                // the owner itself, not its key: reservations without an owner share the key ~ with a subject "~"
                if (!owner.equals(reservation.owner()) || !filter.test(reservation)) {
                    continue; // another owner's entry under a prefix of this one's, an ownerless one, or filtered out
                }
                if (items.size() == limit) {
                    return new ReservationSlice(items, Optional.of(reservation.id()), scanned);
                }
                items.add(reservation);
            }
        }
        return new ReservationSlice(items, Optional.empty(), scanned);
    }

    /**
     * Up to {@code limit} reservations of this partition of the owner index that the filter accepts, in key order
     * from {@code fromKey} on (null: the first), reading at most {@code budget} entries; the next page's key, if any.
     * Everyone's reservations, for admins.
     */
    ReservationSlice allReservations(final ReservationFilter filter, final String fromKey, final int limit,
                                            final int budget) {
        final List<Reservation> items = new ArrayList<>();
        int scanned = 0;
        try (KeyValueIterator<String, byte[]> entries = fromKey == null || fromKey.isEmpty() ? index.all()
                : index.range(fromKey, null)) {
            while (entries.hasNext()) {
                if (scanned == budget) {
                    return new ReservationSlice(items, Optional.of(entries.peekNextKey()), scanned);
                }
                final KeyValue<String, byte[]> entry = entries.next();
                scanned++;
                final Reservation reservation = decode(entry.value);
                if (!filter.test(reservation)) {
                    continue;
                }
                if (items.size() == limit) {
                    return new ReservationSlice(items, Optional.of(entry.key), scanned);
                }
                items.add(reservation);
            }
        }
        return new ReservationSlice(items, Optional.empty(), scanned);
    }

    private static Reservation decode(final byte[] json) {
        return JSON.deserialize(null, json);
    }
}
