package io.reservations.processor.readmodels;

import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.OwnerUsage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The owners' usage ({@link OwnerUsage}) in one partition of the owner index, for the API's quotas. Counted in
 * memory from the index's stores (reservations by owner, windows by creator) when the task starts, then kept with
 * every change; each change of an owner's counts is sent, keyed by owner, to the usage topic. The counts are a
 * function of the stores, so a record the index processes twice (it is at least once) changes nothing the second
 * time; and the first thing a task does is send every owner's counts again, so that one a crash kept from the
 * topic is sent after all.
 */
final class OwnerUsageCounter {

    private static final Deserializer<Reservation> JSON = new JsonSerde<>(Reservation.class).deserializer();

    private final ProcessorContext<String, OwnerUsage> context;
    private final Map<String, OwnerUsage> counts = new HashMap<>();
    private Cancellable sendAll;

    OwnerUsageCounter(final ProcessorContext<String, OwnerUsage> context, final ReadOnlyKeyValueStore<String, byte[]> index,
                      final ReadOnlyKeyValueStore<String, byte[]> windowsByCreator) {
        this.context = context;
        countAll(index, true);
        countAll(windowsByCreator, false);
        // from a punctuation: a processor may not forward from init
        sendAll = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, now -> {
            counts.forEach((owner, usage) -> send(owner, usage, now));
            sendAll.cancel();
        });
    }

    /** One of the owner's reservations went from {@code before} (null: new) to {@code after}, both as indexed. */
    void reservationChanged(final String owner, final byte[] before, final byte[] after, final long timestamp) {
        change(owner, of(after).minus(of(before)), timestamp);
    }

    void windowCreated(final String owner, final long timestamp) {
        change(owner, new OwnerUsage(0, 0, 1), timestamp);
    }

    /** What one reservation, as the index holds it, counts for its owner; nothing for null. */
    static OwnerUsage of(final byte[] reservation) {
        final ReservationStatus status = reservation == null ? null : JSON.deserialize(null, reservation).status();
        if (status == ReservationStatus.PENDING) {
            return new OwnerUsage(1, 0, 0);
        }
        if (status == ReservationStatus.WAITLISTED) {
            return new OwnerUsage(1, 0, 0, 1L);
        }
        return status == ReservationStatus.HELD ? new OwnerUsage(1, 1, 0) : OwnerUsage.NONE;
    }

    private void change(final String owner, final OwnerUsage delta, final long timestamp) {
        if (delta.isNone()) {
            return;
        }
        final OwnerUsage usage = counts.getOrDefault(owner, OwnerUsage.NONE).plus(delta);
        if (usage.isNone()) {
            counts.remove(owner);
        } else {
            counts.put(owner, usage);
        }
        send(owner, usage, timestamp);
    }

    /** An owner with nothing is a tombstone: the compacted topic forgets them. */
    private void send(final String owner, final OwnerUsage usage, final long timestamp) {
        context.forward(new Record<>(owner, usage.isNone() ? null : usage, timestamp));
    }

    /** Keys are {@code <owner>|<id>}, ids never contain '|': the owner is everything before the last one. */
    private void countAll(final ReadOnlyKeyValueStore<String, byte[]> store, final boolean reservations) {
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                final KeyValue<String, byte[]> entry = all.next();
                final String owner = entry.key.substring(0, entry.key.lastIndexOf('|'));
                counts.merge(owner, reservations ? of(entry.value) : new OwnerUsage(0, 0, 1), OwnerUsage::plus);
            }
        }
        counts.values().removeIf(OwnerUsage::isNone);
    }
}
