package io.reservations.processor.shard;

import io.reservations.contract.CommandResult;
import io.reservations.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code command-status} in step with {@code command.results}: every result by its command id, at the
 * result's record time, so that the store drops what is older than the de-duplication retention. The topic is the
 * store's changelog. A record that is not a result is skipped (logged), not fatal: the store is a read model.
 */
final class CommandStatusUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(CommandStatusUpdater.class);
    private static final Deserializer<CommandResult> RESULTS = Topics.COMMAND_RESULTS.valueSerde().deserializer();

    private WindowStore<String, CommandResult> store;

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(ShardMasterTopology.COMMAND_STATUS_STORE);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            store.put(record.key(), RESULTS.deserialize(Topics.COMMAND_RESULTS.name(), record.value()), record.timestamp());
        } catch (final SerializationException | IllegalArgumentException e) {
            LOG.warn("Skipped a record of {} that is not a command result (key {}): {}", Topics.COMMAND_RESULTS.name(),
                    record.key(), e.getMessage());
        }
    }
}
