package io.reservations.processor.shard;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps {@code command-status} in step with {@code command.results}: every result's bytes by its command id, at the
 * result's record time, so that the store drops what is older than the de-duplication retention. The topic is the
 * store's changelog. Nothing is decoded here (a read decodes the one it answers with): this runs for every result.
 */
final class CommandStatusUpdater implements Processor<String, byte[], Void, Void> {

    private WindowStore<String, byte[]> store;

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(ShardMasterTopology.COMMAND_STATUS_STORE);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        if (record.key() != null && record.value() != null) {
            store.put(record.key(), record.value(), record.timestamp());
        }
    }
}
