package io.reservations.processor.shard;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ForwardWrite;
import io.reservations.processor.domain.EntityWrite;
import io.reservations.processor.domain.Outcome;
import io.reservations.topics.EntityPartitioner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Everything a step sends: its events, the writes it asks of other entities and the command's result. A write for
 * an entity this master masters too is not sent but queued ({@link #nextAppliedHere}), for the same step to apply
 * after the one that asked for it: no step applies another inside itself.
 */
final class Dispatcher {

    private final ProcessorContext<String, Object> context;
    private final int partitions;
    private final Queue<Input.Write> appliedHere = new ArrayDeque<>();

    Dispatcher(final ProcessorContext<String, Object> context, final int partitions) {
        this.context = context;
        this.partitions = partitions;
    }

    void emit(final String entityId, final List<?> events, final String sink, final Step step) {
        events.forEach(event -> context.forward(new Record<>(entityId, event, step.timestamp()), sink));
    }

    /** One event with the record headers it carries beside its value. */
    void emit(final String entityId, final Object event, final Headers headers, final String sink, final Step step) {
        context.forward(new Record<>(entityId, event, step.timestamp(), headers), sink);
    }

    /** The outcome's writes, then its result unless a write carries the result to the entity that publishes it. */
    void dispatch(final String commandId, final Outcome<?> outcome, final Step step) {
        boolean resultTravels = false;
        for (final EntityWrite requested : outcome.forwards()) {
            resultTravels |= requested.deliversResult();
            final ForwardWrite write = ForwardWrite.of(
                    requested.commandId() == null ? commandId : requested.commandId(), requested.operation(),
                    requested.deliversResult() ? requested.data().withResult(outcome.result()) : requested.data(),
                    step.partition());
            if (mastersHere(write, step)) {
                appliedHere.add(new Input.Write(write, null));
            } else {
                sendToMaster(write, step);
            }
        }
        if (outcome.result() != null && !resultTravels) {
            publish(outcome.result(), step);
        }
    }

    /** The next write queued for this master, in the order the steps asked for them; null when none is left. */
    Input.Write nextAppliedHere() {
        return appliedHere.poll();
    }

    void publish(final CommandResult result, final Step step) {
        context.forward(new Record<>(result.commandId(), result, step.timestamp()), ShardMasterTopology.COMMAND_RESULTS_SINK);
    }

    private boolean mastersHere(final ForwardWrite write, final Step step) {
        return EntityPartitioner.partitionOf(write.entityId(), partitions) == step.partition();
    }

    private void sendToMaster(final ForwardWrite write, final Step step) {
        sendToMaster(write, step.timestamp());
    }

    /** Through {@code forward-writes}, with {@code timestamp} as its record time (its master's "now"). */
    void sendToMaster(final ForwardWrite write, final long timestamp) {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(InputDecoder.SENT_AT_HEADER, Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(write.entityId(), write, timestamp, headers), ShardMasterTopology.FORWARD_WRITES_SINK);
    }
}
