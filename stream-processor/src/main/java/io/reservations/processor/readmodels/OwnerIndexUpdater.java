package io.reservations.processor.readmodels;

import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.OwnerUsage;
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
 * a header. Windows come keyed by their creator, with the window id in a header and no value: they are kept in
 * {@code windows-by-creator} ({@code <creator>|<window id>}). Both feed the owners' usage ({@link OwnerUsageCounter}).
 * Each record processed is reported to {@link OwnerIndexSync} (read-your-writes for listings).
 */
final class OwnerIndexUpdater implements Processor<String, byte[], String, OwnerUsage> {

    private static final byte[] PRESENT = new byte[0];
    private static final Logger LOG = LoggerFactory.getLogger(OwnerIndexUpdater.class);

    private final OwnerIndexSync sync;
    private ProcessorContext<String, OwnerUsage> context;
    private KeyValueStore<String, byte[]> index;
    private KeyValueStore<String, byte[]> windowsByCreator;
    private OwnerUsageCounter usage;

    OwnerIndexUpdater(final OwnerIndexSync sync) {
        this.sync = sync;
    }

    @Override
    public void init(final ProcessorContext<String, OwnerUsage> context) {
        this.context = context;
        this.index = context.getStateStore(StoresAndTopics.OWNER_INDEX);
        this.windowsByCreator = context.getStateStore(StoresAndTopics.WINDOWS_BY_CREATOR);
        this.usage = new OwnerUsageCounter(context, index, windowsByCreator);
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
        final Header window = record.headers().lastHeader(StoresAndTopics.WINDOW_ID_HEADER);
        if (record.key() != null && window != null) {
            if (windowsByCreator.putIfAbsent(entryKey(record.key(), text(window)), PRESENT) == null) {
                usage.windowCreated(record.key(), record.timestamp());
            }
            return;
        }
        final Header id = record.headers().lastHeader(StoresAndTopics.RESERVATION_ID_HEADER);
        if (record.key() == null || record.value() == null || id == null) {
            LOG.warn("Skipped a record of the owner index without owner, reservation or id (key {})", record.key());
            return;
        }
        final String key = entryKey(record.key(), text(id));
        final byte[] before = index.get(key);
        index.put(key, record.value());
        usage.reservationChanged(record.key(), before, record.value(), record.timestamp());
    }

    private static String text(final Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Ids never contain '|': an owner's entries are exactly those under {@code <owner>|}, unless the owner has one. */
    static String entryKey(final String owner, final String reservationId) {
        return owner + "|" + reservationId;
    }
}
