package io.reservations.processor.shard;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardWrite;
import io.reservations.processor.deadletters.DeadLetters;
import io.reservations.processor.deadletters.RefusedOutputs;
import io.reservations.processor.domain.FailedWrites;
import io.reservations.topics.JsonSerde;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a step that cannot be applied leaves behind, so that one bad record never stops its partition: the input
 * in the dead letters; a command rejected as {@code invalid}, so its client gets an answer; a saga's write
 * compensated ({@link FailedWrites}), never dropped with a resource still held.
 */
final class FailedSteps {

    private static final Logger LOG = LoggerFactory.getLogger(FailedSteps.class);

    private final DeadLetters deadLetters;
    private final Dispatcher dispatcher;
    private final RefusedOutputs refusedOutputs;
    private final JsonSerde<ForwardWrite> writes = new JsonSerde<>(ForwardWrite.class);

    FailedSteps(final DeadLetters deadLetters, final Dispatcher dispatcher, final RefusedOutputs refusedOutputs) {
        this.deadLetters = deadLetters;
        this.dispatcher = dispatcher;
        this.refusedOutputs = refusedOutputs;
    }

    /**
     * Whether Kafka refused what this input's step wrote before: then the step is not taken again. After one
     * refusal the input goes to the dead letters; after a second, its dead letter was refused too and goes without
     * the value; after a third, nothing about it can be written, and it is only logged.
     */
    boolean refusedBefore(final Record<String, byte[]> record, final RecordMetadata source, final Input input,
                          final Step step) {
        final int refusals = refusedOutputs.refusals(source);
        if (refusals == 0) {
            return false;
        }
        final Exception error = new IllegalStateException("Kafka refused the records of this input's step "
                + "(larger than a topic allows, or not serializable): the step is not applied");
        if (refusals > 2) {
            LOG.error("Dropping {}-{}@{}: neither its step nor its dead letter could be written", source.topic(),
                    source.partition(), source.offset());
            return true;
        }
        deadLetters.send(refusals == 2 ? record.withValue(null) : record, source, error);
        settle(input, step);
        return true;
    }

    /** The decision on a command threw before the step changed anything. */
    void commandFailed(final Record<String, byte[]> record, final RecordMetadata source, final Input input,
                       final RuntimeException error, final Step step) {
        LOG.error("The step of command {} failed; it goes to the dead letters", input.commandId(), error);
        deadLetters.send(record, source, error);
        settle(input, step);
    }

    /** The decision on a write threw, whether the write came through {@code forward-writes} or was made here. */
    void writeFailed(final Input.Write input, final RecordMetadata source, final RuntimeException error,
                     final Step step) {
        LOG.error("Write {} of command {} failed; it goes to the dead letters, compensated",
                input.write().operation(), input.commandId(), error);
        final ForwardWrite write = input.write();
        deadLetters.send(new Record<>(write.entityId(), writes.serializer().serialize(null, write), step.timestamp()),
                source, error);
        settle(input, step);
    }

    private void settle(final Input input, final Step step) {
        if (input instanceof Input.Write write) {
            dispatcher.dispatch(write.commandId(), FailedWrites.compensation(write.write()), step);
        } else {
            dispatcher.publish(CommandResult.rejected(input.commandId(), ErrorCode.INVALID.slug()), step);
        }
    }
}
