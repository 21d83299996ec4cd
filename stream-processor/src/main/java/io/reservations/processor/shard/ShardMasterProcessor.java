package io.reservations.processor.shard;

import io.reservations.contract.CommandResult;
import io.reservations.contract.EntityType;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.Forward;
import io.reservations.processor.domain.Outcome;
import io.reservations.processor.domain.ReservationDecider;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowSlots;
import io.reservations.processor.store.WindowStores;
import io.reservations.topics.DeadLetterHeaders;
import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The master of one partition. Every input record is one step of a saga: the stores, the events, the forward
 * writes, the result and the input offset commit in one Kafka transaction. A write for an entity of this same
 * partition is applied here and now (the seed's "both local masters" case) instead of taking a forward hop.
 */
final class ShardMasterProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ShardMasterProcessor.class);
    /** Wall-clock time the origin master produced a forward write, for the cross-master latency metric. */
    static final String SENT_AT_HEADER = "fw.sent-at";

    private final ShardMasterOptions options;
    private final ShardMasterMetrics metrics;
    private final JsonSerde<ReservationCommand> reservationCommands = new JsonSerde<>(ReservationCommand.class);
    private final JsonSerde<WindowCommand> windowCommands = new JsonSerde<>(WindowCommand.class);
    private final JsonSerde<ForwardWrite> forwardWrites = new JsonSerde<>(ForwardWrite.class);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ReservationState> reservations;
    private WindowStores windows;
    private ProcessedCommands processed;

    ShardMasterProcessor(final ShardMasterOptions options, final ShardMasterMetrics metrics) {
        this.options = options;
        this.metrics = metrics;
    }

    @Override
    public void init(final ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        this.reservations = processorContext.getStateStore(ShardMasterTopology.RESERVATIONS_STORE);
        this.windows = WindowStores.of(processorContext);
        final WindowStore<String, CommandRecord> commands =
                processorContext.getStateStore(ShardMasterTopology.PROCESSED_COMMANDS_STORE);
        this.processed = new ProcessedCommands(commands);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        // log lines of this step carry the entity (and, below, the command) they concern
        MDC.put("entity_id", String.valueOf(record.key()));
        try {
            step(record);
        } finally {
            MDC.remove("entity_id");
            MDC.remove("command_id");
        }
    }

    private void step(final Record<String, byte[]> record) {
        final RecordMetadata source = context.recordMetadata().orElseThrow();
        final Object input;
        try {
            input = decode(record, source);
        } catch (final PoisonRecordException | SerializationException e) {
            deadLetter(record, source, e);
            return;
        }
        final Step step = new Step(record.timestamp(), EntityPartitioner.partitionOf(record.key(), options.partitions()));
        MDC.put("command_id", commandIdOf(input));
        if (input instanceof ForwardWrite write) {
            final Header sentAt = record.headers().lastHeader(SENT_AT_HEADER);
            if (sentAt != null) {
                metrics.forwardApplied(write.operation(), Long.parseLong(new String(sentAt.value(), StandardCharsets.UTF_8)));
            }
        }
        if (input instanceof ReservationCommand command) {
            onReservationCommand(command, step);
        } else if (input instanceof WindowCommand command) {
            onWindowCommand(command, step);
        } else {
            onForwardWrite((ForwardWrite) input, step);
        }
    }

    private static String commandIdOf(final Object input) {
        if (input instanceof ReservationCommand command) {
            return command.commandId();
        }
        if (input instanceof WindowCommand command) {
            return command.commandId();
        }
        return ((ForwardWrite) input).commandId();
    }

    /** The time of the input record (so a replay yields identical events) and the partition being mastered. */
    private record Step(long timestamp, int partition) {

        Instant now() {
            return Instant.ofEpochMilli(timestamp);
        }
    }

    private Object decode(final Record<String, byte[]> record, final RecordMetadata source) {
        if (record.key() == null) {
            throw new PoisonRecordException("the record has no key; the key must be the entity id");
        }
        if (record.value() == null) {
            throw new PoisonRecordException("the record has no value");
        }
        if (options.rejectMisroutedRecords()
                && EntityPartitioner.partitionOf(record.key(), options.partitions()) != source.partition()) {
            throw new PoisonRecordException("key '" + record.key() + "' belongs to partition "
                    + EntityPartitioner.partitionOf(record.key(), options.partitions()) + ", not " + source.partition()
                    + "; produce with the default partitioner");
        }
        final String topic = source.topic();
        final String entityId;
        final Object input;
        if (Topics.RESERVATION_COMMANDS.name().equals(topic)) {
            final ReservationCommand command = reservationCommands.deserialize(topic, record.value());
            entityId = command.reservationId();
            input = command;
        } else if (Topics.WINDOW_COMMANDS.name().equals(topic)) {
            final WindowCommand command = windowCommands.deserialize(topic, record.value());
            entityId = command.windowId();
            input = command;
        } else if (Topics.FORWARD_WRITES.name().equals(topic)) {
            final ForwardWrite write = forwardWrites.deserialize(topic, record.value());
            entityId = write.entityId();
            input = write;
        } else {
            throw new PoisonRecordException("unexpected source topic " + topic);
        }
        if (!entityId.equals(record.key())) {
            throw new PoisonRecordException("key '" + record.key() + "' is not the entity id '" + entityId + "'");
        }
        return input;
    }

    private void onReservationCommand(final ReservationCommand command, final Step step) {
        if (replayed(command.commandId(), step)) {
            return;
        }
        final ReservationState state = reservations.get(command.reservationId());
        final Outcome<ReservationEvent> decided = ReservationDecider.decide(state, command, step.now());
        // remembered first: a same-partition saga may settle the result while its outcome is applied
        final Outcome<ReservationEvent> outcome = decided.withResult(processed.accept(
                command.commandId(), command.requestHash(), command.requestedBy(), decided.result(), step.timestamp()));
        if (command instanceof SelectResource && outcome.result() != null) {
            metrics.selectionSettled(outcome.result());
        }
        applyReservation(command.reservationId(), command.commandId(), state, outcome, step);
    }

    private void onWindowCommand(final WindowCommand command, final Step step) {
        if (replayed(command.commandId(), step)) {
            return;
        }
        final WindowSlots state = windows.find(command.windowId());
        final Outcome<WindowEvent> decided = WindowDecider.decide(state, command, step.now());
        final Outcome<WindowEvent> outcome = decided.withResult(processed.accept(
                command.commandId(), command.requestHash(), command.requestedBy(), decided.result(), step.timestamp()));
        applyWindow(command.windowId(), command.commandId(), outcome, step);
    }

    private void onForwardWrite(final ForwardWrite write, final Step step) {
        if (write.entityType() == EntityType.RESERVATION) {
            final ReservationState state = reservations.get(write.entityId());
            final Outcome<ReservationEvent> decided = ReservationDecider.decide(state, write, step.now());
            final Outcome<ReservationEvent> outcome = decided.result() == null ? decided
                    : decided.withResult(processed.complete(decided.result(), step.timestamp()));
            if (outcome.result() != null) {
                metrics.selectionSettled(outcome.result());
            }
            if (outcome.forwards().stream().anyMatch(forward -> forward.operation() == Operation.RELEASE_RESOURCE)) {
                metrics.compensation();
            }
            applyReservation(write.entityId(), write.commandId(), state, outcome, step);
        } else {
            final WindowSlots state = windows.find(write.entityId());
            final Outcome<WindowEvent> outcome = WindowDecider.decide(state, write, step.now());
            applyWindow(write.entityId(), write.commandId(), outcome, step);
            if (write.data().result() != null) {
                publish(write.data().result(), step);
            }
        }
    }

    /**
     * A command id seen before has no second effect: its result, once known, is published again. The result
     * carries the digest of the original request, so a client that reused the id for another request can tell.
     */
    private boolean replayed(final String commandId, final Step step) {
        return processed.find(commandId).map(seen -> {
            if (seen.result() != null) {
                publish(seen.result(), step);
            }
            return true;
        }).orElse(false);
    }

    private void applyReservation(final String id, final String commandId, final ReservationState state,
                                  final Outcome<ReservationEvent> outcome, final Step step) {
        if (!outcome.events().isEmpty()) {
            reservations.put(id, ReservationDecider.fold(state, outcome.events()));
            for (final ReservationEvent event : outcome.events()) {
                if (event instanceof SelectionStarted) {
                    metrics.selectionStarted();
                } else if (event instanceof ResourceSelected || event instanceof SelectionRejected) {
                    metrics.selectionEnded();
                }
                context.forward(new Record<>(id, event, step.timestamp()), ShardMasterTopology.RESERVATION_EVENTS_SINK);
            }
        }
        dispatch(commandId, outcome, step);
    }

    private void applyWindow(final String id, final String commandId, final Outcome<WindowEvent> outcome,
                             final Step step) {
        if (!outcome.events().isEmpty()) {
            for (final WindowEvent event : outcome.events()) {
                windows.apply(id, event);
                context.forward(new Record<>(id, event, step.timestamp()), ShardMasterTopology.WINDOW_EVENTS_SINK);
            }
        }
        dispatch(commandId, outcome, step);
    }

    /** Sends the outcome's writes to their masters, applying local ones at once, then publishes the result. */
    private void dispatch(final String commandId, final Outcome<?> outcome, final Step step) {
        boolean resultTravels = false;
        for (final Forward forward : outcome.forwards()) {
            resultTravels |= forward.deliversResult();
            final ForwardWrite write = ForwardWrite.of(commandId, forward.operation(),
                    forward.deliversResult() ? forward.data().withResult(outcome.result()) : forward.data(),
                    step.partition());
            if (EntityPartitioner.partitionOf(write.entityId(), options.partitions()) == step.partition()) {
                onForwardWrite(write, step);
            } else {
                final Headers headers = new RecordHeaders().add(SENT_AT_HEADER,
                        utf8(Long.toString(System.currentTimeMillis())));
                context.forward(new Record<>(write.entityId(), write, step.timestamp(), headers),
                        ShardMasterTopology.FORWARD_WRITES_SINK);
            }
        }
        if (outcome.result() != null && !resultTravels) {
            publish(outcome.result(), step);
        }
    }

    private void publish(final CommandResult result, final Step step) {
        context.forward(new Record<>(result.commandId(), result, step.timestamp()),
                ShardMasterTopology.COMMAND_RESULTS_SINK);
    }

    private void deadLetter(final Record<String, byte[]> record, final RecordMetadata source, final Exception error) {
        LOG.warn("Dead-lettering {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), error.getMessage());
        metrics.deadLettered(source.topic());
        final Headers headers = new RecordHeaders(record.headers().toArray())
                .add(DeadLetterHeaders.ERROR, utf8(String.valueOf(error.getMessage())))
                .add(DeadLetterHeaders.ERROR_CLASS, utf8(error.getClass().getName()))
                .add(DeadLetterHeaders.TOPIC, utf8(source.topic()))
                .add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(source.partition())))
                .add(DeadLetterHeaders.OFFSET, utf8(Long.toString(source.offset())));
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
                ShardMasterTopology.DEAD_LETTERS_SINK);
    }

    private static byte[] utf8(final String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
