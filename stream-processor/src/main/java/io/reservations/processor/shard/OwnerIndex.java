package io.reservations.processor.shard;

import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoresAndTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sends every change of a reservation, keyed by its owner, to the owner-index topic in the step's transaction; the
 * task of the owner's partition keeps it in {@code reservations-by-owner} (see {@code readmodels.OwnerIndexUpdater}), so that
 * listing one owner's reservations reads one partition. Reservations stored before the index existed are sent
 * once, at the first start of the partition's task that finds no mark of it. Windows created go there as well,
 * keyed by their creator: the read models count them for the quotas ({@code readmodels.OwnerUsageCounter}).
 */
final class OwnerIndex {

    /** Set once the partition sent its reservations to the index: "owner-index" was the mark of the index kept in
     *  the shard masters' own application, before the read models had theirs (which starts from the topic). */
    private static final String BUILT = "owner-index-read-models";

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, ReservationState> reservations;
    private final KeyValueStore<String, String> marks;
    private Cancellable backfill;

    OwnerIndex(final ProcessorContext<String, Object> context, final KeyValueStore<String, ReservationState> reservations) {
        this.context = context;
        this.reservations = reservations;
        this.marks = context.getStateStore(StoresAndTopics.MARKS);
        if (marks.get(BUILT) == null) {
            // from a punctuation, inside a transaction of the task: not from init
            backfill = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, this::sendAll);
        }
    }

    /**
     * The reservation as it is now goes to its owner's partition of the index; not a SELECTING state, which a saga
     * leaves within one or two hops: the index keeps the state before it until the selection's outcome (the record
     * saved per cross-partition saga is a record less in every transaction that carries one).
     */
    void changed(final ReservationState reservation, final long timestamp) {
        if (reservation.status() != ReservationStatus.SELECTING) {
            send(reservation, timestamp);
        }
    }

    /**
     * A window the owner created goes to the owner's partition of the index too, where it counts towards the owner's
     * quota of windows: no value, the window id in a header (versions before 2026-12-03 skip it with a warning).
     */
    void windowCreated(final String windowId, final String creator, final long timestamp) {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(StoresAndTopics.WINDOW_ID_HEADER, windowId.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(StoresAndTopics.ownerKey(creator), null, timestamp, headers),
                ShardMasterTopology.OWNER_INDEX_SINK);
    }

    private void send(final ReservationState reservation, final long timestamp) {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(StoresAndTopics.RESERVATION_ID_HEADER, reservation.id().getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(StoresAndTopics.ownerKey(reservation.owner()), reservation.toView(), timestamp,
                headers), ShardMasterTopology.OWNER_INDEX_SINK);
    }

    private void sendAll(final long now) {
        try (KeyValueIterator<String, ReservationState> all = reservations.all()) {
            while (all.hasNext()) {
                final KeyValue<String, ReservationState> reservation = all.next();
                send(reservation.value, now);
            }
        }
        marks.put(BUILT, "1");
        backfill.cancel();
    }
}
