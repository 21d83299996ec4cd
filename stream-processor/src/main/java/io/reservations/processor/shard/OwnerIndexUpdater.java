package io.reservations.processor.shard;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code reservations-by-owner}: key {@code <owner>|<reservation id>}, the reservation's JSON as its owner
 * reads it, stored as it came (a listing decodes what it reads; this runs for every change). The owner-index topic
 * is keyed by owner, so one owner's reservations are in one partition, in id order; the reservation id travels in
 * a header. Each record processed is reported to {@link OwnerIndexSync} (read-your-writes for listings).
 */
final class OwnerIndexUpdater implements Processor<String, byte[], Void, Void> {

    static final String RESERVATION_ID_HEADER = "reservation_id";
    private static final Logger LOG = LoggerFactory.getLogger(OwnerIndexUpdater.class);

    private final OwnerIndexSync sync;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> index;

    OwnerIndexUpdater(final OwnerIndexSync sync) {
        this.sync = sync;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.context = context;
        this.index = context.getStateStore(ShardMasterTopology.OWNER_INDEX_STORE);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        apply(record);
        // a listing waits for the index to get this far (whatever the record was)
        context.recordMetadata().ifPresent(at -> sync.processed(at.partition(), at.offset()));
    }

    private void apply(final Record<String, byte[]> record) {
        if (record.headers().lastHeader(OwnerIndexSync.MARKER_HEADER) != null) {
            return; // a listing's marker, from a version that wrote them
        }
        final Header id = record.headers().lastHeader(RESERVATION_ID_HEADER);
        if (record.key() == null || record.value() == null || id == null) {
            LOG.warn("Skipped a record of the owner index without owner, reservation or id (key {})", record.key());
            return;
        }
        index.put(entryKey(record.key(), new String(id.value(), StandardCharsets.UTF_8)), record.value());
    }

    /** Ids never contain '|': an owner's entries are exactly those under {@code <owner>|}, unless the owner has one. */
    static String entryKey(final String owner, final String reservationId) {
        return owner + "|" + reservationId;
    }
}
