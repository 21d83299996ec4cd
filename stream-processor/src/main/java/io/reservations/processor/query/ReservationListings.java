package io.reservations.processor.query;

import io.reservations.contract.Reservation;
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
 * reservations are one range of one partition; everyone's, partition after partition.
 */
public final class ReservationListings {

    private static final Deserializer<Reservation> JSON = new JsonSerde<>(Reservation.class).deserializer();

    private final ReadOnlyKeyValueStore<String, byte[]> index;

    ReservationListings(final ReadOnlyKeyValueStore<String, byte[]> index) {
        this.index = index;
    }

    /**
     * Up to {@code limit} of the owner's reservations the filter accepts, in id order from {@code fromId} on (null:
     * the first): one range of the owner-index partition this instance holds for the owner.
     */
    public ReservationSlice reservationsOf(final String owner, final ReservationFilter filter, final String fromId,
                                           final int limit) {
        final String prefix = owner + "|";
        final List<Reservation> items = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = index.range(prefix + (fromId == null ? "" : fromId),
                prefix + Character.MAX_VALUE)) {
            while (entries.hasNext()) {
                final Reservation reservation = decode(entries.next().value);
                // the owner itself, not its key: reservations without an owner share the key ~ with a subject "~"
                if (!owner.equals(reservation.owner()) || !filter.test(reservation)) {
                    continue; // another owner's entry under a prefix of this one's, an ownerless one, or filtered out
                }
                if (items.size() == limit) {
                    return new ReservationSlice(items, Optional.of(reservation.id()));
                }
                items.add(reservation);
            }
        }
        return new ReservationSlice(items, Optional.empty());
    }

    /**
     * Up to {@code limit} reservations of this partition of the owner index that the filter accepts, in key order
     * from {@code fromKey} on (null: the first); the next page's key, if any. Everyone's reservations, for admins.
     */
    public ReservationSlice allReservations(final ReservationFilter filter, final String fromKey, final int limit) {
        final List<Reservation> items = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = fromKey == null || fromKey.isEmpty() ? index.all()
                : index.range(fromKey, null)) {
            while (entries.hasNext()) {
                final KeyValue<String, byte[]> entry = entries.next();
                final Reservation reservation = decode(entry.value);
                if (!filter.test(reservation)) {
                    continue;
                }
                if (items.size() == limit) {
                    return new ReservationSlice(items, Optional.of(entry.key));
                }
                items.add(reservation);
            }
        }
        return new ReservationSlice(items, Optional.empty());
    }

    private static Reservation decode(final byte[] json) {
        return JSON.deserialize(null, json);
    }
}
