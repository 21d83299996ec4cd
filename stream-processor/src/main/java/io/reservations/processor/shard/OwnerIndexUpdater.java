package io.reservations.processor.shard;

import io.reservations.contract.Reservation;
import io.reservations.topics.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code reservations-by-owner}: key {@code <owner>|<reservation id>}, the reservation as its owner sees it.
 * The owner-index topic is keyed by owner, so one owner's reservations are in one partition, in id order.
 */
final class OwnerIndexUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerIndexUpdater.class);
    private static final Deserializer<Reservation> RESERVATIONS = new JsonSerde<>(Reservation.class).deserializer();

    private KeyValueStore<String, Reservation> index;

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.index = context.getStateStore(ShardMasterTopology.OWNER_INDEX_STORE);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        try {
            final Reservation reservation = RESERVATIONS.deserialize(null, record.value());
            index.put(entryKey(record.key(), reservation.id()), reservation);
        } catch (final SerializationException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("Skipped a record of the owner index that is not a reservation (key {}): {}", record.key(), e.getMessage());
        }
    }

    /** Ids never contain '|': an owner's entries are exactly those under {@code <owner>|}, unless the owner has one. */
    static String entryKey(final String owner, final String reservationId) {
        return owner + "|" + reservationId;
    }
}
