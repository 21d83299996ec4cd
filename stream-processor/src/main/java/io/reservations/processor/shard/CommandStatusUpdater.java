package io.reservations.processor.shard;

import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
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
 * every result. Every ten minutes, results older than the de-duplication retention are dropped.
 */
final class CommandStatusUpdater implements Processor<String, byte[], Void, Void> {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final Duration retention;
    private TimestampedKeyValueStore<String, byte[]> store;

    CommandStatusUpdater(final Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(ShardMasterTopology.COMMAND_STATUS_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        if (record.key() != null && record.value() != null) {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }

    private void purge(final long now) {
        final long oldest = now - retention.toMillis();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = store.all()) {
            while (all.hasNext()) {
                final KeyValue<String, ValueAndTimestamp<byte[]>> entry = all.next();
                if (entry.value.timestamp() < oldest) {
                    store.delete(entry.key);
                }
            }
        }
    }
}
