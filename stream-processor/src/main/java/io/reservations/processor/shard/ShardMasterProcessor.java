package io.reservations.processor.shard;

import io.reservations.contract.EntityType;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.Outcome;
import io.reservations.processor.domain.ReservationDecider;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.store.WindowStores;
import io.reservations.topics.EntityPartitioner;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.MDC;

/**
 * The master of one partition. Every input record is one step of a saga: the stores, the events, the writes for
 * other entities, the result and the input offset commit in one Kafka transaction. A write for an entity this
 * master also masters is applied here and now (the seed's "both local masters" case); any other is sent to its
 * master as a {@code ForwardWrite}.
 */
final class ShardMasterProcessor implements Processor<String, byte[], String, Object> {

    private final ShardMasterOptions options;
    private final ShardMasterMetrics metrics;
    private final InputDecoder decoder;
    private ProcessorContext<String, Object> context;
    private DeadLetters deadLetters;
    private FailedSteps failedSteps;
    private Dispatcher dispatcher;
    private KeyValueStore<String, ReservationState> reservations;
    private WindowStores windows;
    private ProcessedCommands processed;
    private SagaTimers timers;
    private OwnerIndex ownerIndex;

    ShardMasterProcessor(final ShardMasterOptions options, final ShardMasterMetrics metrics) {
        this.options = options;
        this.metrics = metrics;
        this.decoder = new InputDecoder(options);
    }

    @Override
    public void init(final ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        this.deadLetters = new DeadLetters(processorContext, metrics);
        this.dispatcher = new Dispatcher(processorContext, options.partitions(), this::handle);
        this.failedSteps = new FailedSteps(deadLetters, dispatcher, options.refusedOutputs());
        this.reservations = processorContext.getStateStore(ShardMasterTopology.RESERVATIONS_STORE);
        this.windows = WindowStores.of(processorContext);
        this.processed = new ProcessedCommands(processorContext.getStateStore(ShardMasterTopology.PROCESSED_COMMANDS_STORE));
        this.timers = SagaTimers.of(processorContext, options, metrics, dispatcher::sendToMaster);
        this.ownerIndex = new OwnerIndex(processorContext, reservations);
    }

    @Override
    public void close() {
        timers.close();
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        // log lines of this step carry the entity (and, below, the command) they concern
        MDC.put("entity_id", String.valueOf(record.key()));
        try {
            final RecordMetadata source = context.recordMetadata().orElseThrow();
            final Input input;
            try {
                input = decoder.decode(record, source);
            } catch (final PoisonRecordException | SerializationException e) {
                deadLetters.send(record, source, e);
                return;
            }
            MDC.put("command_id", input.commandId());
            final Step step = new Step(record.timestamp(), EntityPartitioner.partitionOf(record.key(), options.partitions()));
            if (failedSteps.refusedBefore(record, source, input, step)) {
                return;
            }
            try {
                handle(input, step);
            } catch (final DecisionFailed failed) {
                failedSteps.commandFailed(record, source, input, failed.cause, step);
            }
        } finally {
            MDC.remove("entity_id");
            MDC.remove("command_id");
        }
    }

    private void handle(final Input input, final Step step) {
        if (input instanceof Input.ForReservation forReservation) {
            final ReservationCommand command = forReservation.command();
            if (!processed.seen(command.commandId(), result -> dispatcher.publish(result, step))) {
                final ReservationState state = reservations.get(command.reservationId());
                if (InFlightSelections.awaits(state, command.commandId())) {
                    return; // its result comes with the window's answer
                }
                final Outcome<ReservationEvent> decided =
                        DecisionFailed.when(() -> ReservationDecider.decide(state, command, step.now()));
                // remembered first (here, or by the state this step stores): a same-partition saga may settle the
                // result while its outcome is applied
                applyReservation(command.reservationId(), state, input, InFlightSelections.starts(decided) ? decided
                        : decided.withResult(processed.accept(command.commandId(), command.requestHash(),
                        command.requestedBy(), decided.result(), step.timestamp())), step);
            }
        } else if (input instanceof Input.ForWindow forWindow) {
            final WindowCommand command = forWindow.command();
            if (!processed.seen(command.commandId(), result -> dispatcher.publish(result, step))) {
                final Outcome<WindowEvent> decided =
                        DecisionFailed.when(() -> WindowDecider.decide(windows.find(command.windowId()), command, step.now()));
                applyWindow(command.windowId(), input, decided.withResult(processed.accept(command.commandId(),
                        command.requestHash(), command.requestedBy(), decided.result(), step.timestamp())), step);
            }
        } else {
            handleWrite((Input.Write) input, step);
        }
    }

    /** A write's decision that throws is compensated ({@link FailedSteps#writeFailed}), never retried for ever. */
    private void handleWrite(final Input.Write input, final Step step) {
        final ForwardWrite write = input.write();
        try {
            if (write.entityType() == EntityType.RESERVATION) {
                final ReservationState state = reservations.get(write.entityId());
                final Outcome<ReservationEvent> decided =
                        DecisionFailed.when(() -> ReservationDecider.decide(state, write, step.now()));
                applyReservation(write.entityId(), state, input, decided.result() == null ? decided
                        : decided.withResult(processed.complete(decided.result(), step.timestamp(), state)), step);
            } else {
                applyWindow(write.entityId(), input, DecisionFailed.when(
                        () -> WindowDecider.decide(windows.find(write.entityId()), write, step.now())), step);
                if (write.data().result() != null) {
                    dispatcher.publish(write.data().result(), step); // a cancel's result, once its resource is free again
                }
            }
        } catch (final DecisionFailed failed) {
            failedSteps.writeFailed(input, context.recordMetadata().orElseThrow(), failed.cause, step);
        }
    }

    private void applyReservation(final String id, final ReservationState state, final Input input,
                                  final Outcome<ReservationEvent> outcome, final Step step) {
        if (!outcome.events().isEmpty()) {
            final ReservationState folded = ReservationDecider.fold(state, outcome.events());
            final ReservationState next = timers.track(state, input instanceof Input.ForReservation forReservation
                    ? InFlightSelections.remember(folded, forReservation.command(), step.timestamp()) : folded,
                    context.currentSystemTimeMs());
            reservations.put(id, next);
            ownerIndex.changed(next, step.timestamp());
        }
        dispatcher.emit(id, outcome.events(), ShardMasterTopology.RESERVATION_EVENTS_SINK, step);
        settle(input, outcome, step);
    }

    private void applyWindow(final String id, final Input input, final Outcome<WindowEvent> outcome, final Step step) {
        final String holderOwner = input instanceof Input.Write write ? write.write().data().reservationOwner() : null;
        outcome.events().forEach(event -> windows.apply(id, event, holderOwner));
        dispatcher.emit(id, outcome.events(), ShardMasterTopology.WINDOW_EVENTS_SINK, step);
        settle(input, outcome, step);
    }

    private void settle(final Input input, final Outcome<?> outcome, final Step step) {
        metrics.stepApplied(input, outcome);
        dispatcher.dispatch(input.commandId(), outcome, step);
    }
}
