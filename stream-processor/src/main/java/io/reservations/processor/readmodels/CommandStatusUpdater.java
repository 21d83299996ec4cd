package io.reservations.processor.readmodels;

import io.reservations.processor.store.StoresAndTopics;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps {@code command-status} in step with {@code command.results}: every result's bytes by its command id, with
 * the result's record time. The topic is the store's changelog, so the store holds exactly the topic's keys and
 * values (a restore copies them). Nothing is decoded here (a read decodes the one it answers with): this runs for
 * every result. Results older than the de-duplication retention are dropped in one pass over the store every
 * {@link #PURGE_EVERY}, a slice at a time: each step of a pass reads at most {@value #PURGE_SLICE} entries from where
 * the last one stopped, a step a second, so no step holds the thread for a scan of the whole store (which stalled
 * it for seconds under sustained load) and a pass costs what the whole scan cost.
 */
final class CommandStatusUpdater implements Processor<String, byte[], Void, Void> {

    /** How often a pass over the store starts. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** How often a step of a pass runs. */
    static final Duration PURGE_INTERVAL = Duration.ofSeconds(1);
    static final int PURGE_SLICE = 10_000;

    private final Duration retention;
    private final int slice;
    private TimestampedKeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;
    /** The steps of the pass in progress; null: none in progress. */
    private Cancellable steps;
    /** Where the next step of the pass in progress starts; null: from the first key. */
    private String purgeFrom;

    CommandStatusUpdater(final Duration retention) {
        this(retention, PURGE_SLICE);
    }

    /** @param slice how many entries one purge step reads at most */
    CommandStatusUpdater(final Duration retention, final int slice) {
        this.retention = retention;
        this.slice = slice;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(StoresAndTopics.COMMAND_STATUS);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::startPass);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        if (record.key() != null && record.value() != null) {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }

    /** A pass over the store, a step a second until it is done (between passes nothing is scheduled). */
    private void startPass(final long now) {
        if (steps == null) {
            purgeFrom = null;
            steps = context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::purgeStep);
        }
    }

    private void purgeStep(final long now) {
        final long oldest = now - retention.toMillis();
        int read = 0;
        String next = null;
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> entries = purgeFrom == null ? store.all()
                : store.range(purgeFrom, null)) {
            while (entries.hasNext()) {
                final KeyValue<String, ValueAndTimestamp<byte[]>> entry = entries.next();
                if (read++ == slice) {
                    next = entry.key;
                    break;
                }
                if (entry.value.timestamp() < oldest) {
                    store.delete(entry.key);
                }
            }
        }
        purgeFrom = next;
        if (next == null) { // past the last key: the pass is done
            steps.cancel();
            steps = null;
        }
    }
}
