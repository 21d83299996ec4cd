package io.reservations.processor.shard;

import io.reservations.processor.deadletters.DeadLetters;
import io.reservations.processor.dedup.ProcessedCommands;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowStores;
import io.reservations.processor.timers.SagaTimers;
import io.reservations.processor.timers.TimerMeters;
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
 * master as a {@code ForwardWrite}. This class decodes the record and hands it to the master of its entity's kind
 * ({@link ReservationMaster}, {@link WindowMaster}, {@link BundleMaster}); a record it cannot decode, or a step that fails, goes to
 * {@link DeadLetters} or {@link FailedSteps}.
 */
final class ShardMasterProcessor implements Processor<String, byte[], String, Object> {

    private final ShardMasterOptions options;
    private final ShardMasterMetrics metrics;
    private final TimerMeters timerMeters;
    private final BundleMetrics bundleMetrics;
    private final InputDecoder decoder;
    private ProcessorContext<String, Object> context;
    private DeadLetters deadLetters;
    private Dispatcher dispatcher;
    private FailedSteps failedSteps;
    private SagaTimers timers;
    private ReservationMaster reservationMaster;
    private WindowMaster windowMaster;
    private BundleMaster bundleMaster;

    ShardMasterProcessor(final ShardMasterOptions options, final ShardMasterMetrics metrics,
                         final TimerMeters timerMeters) {
        this.options = options;
        this.metrics = metrics;
        this.timerMeters = timerMeters;
        this.bundleMetrics = new BundleMetrics(options.meterRegistry());
        this.decoder = new InputDecoder(options);
    }

    @Override
    public void init(final ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        this.deadLetters = new DeadLetters(processorContext, ShardMasterTopology.DEAD_LETTERS_SINK, metrics::deadLettered);
        this.dispatcher = new Dispatcher(processorContext, options.partitions());
        this.failedSteps = new FailedSteps(deadLetters, dispatcher, options.refusedOutputs());
        final KeyValueStore<String, ReservationState> reservations =
                processorContext.getStateStore(StoresAndTopics.RESERVATIONS);
        final ProcessedCommands processed =
                new ProcessedCommands(processorContext.getStateStore(StoresAndTopics.PROCESSED_COMMANDS));
        this.timers = SagaTimers.of(processorContext, options.selectionTimeout(), options.timerCheckInterval(), timerMeters,
                dispatcher::sendToMaster);
        final OwnerIndex ownerIndex = new OwnerIndex(processorContext, reservations);
        this.reservationMaster = new ReservationMaster(reservations, processed, timers, ownerIndex, dispatcher, metrics,
                processorContext::currentSystemTimeMs);
        this.windowMaster = new WindowMaster(WindowStores.of(processorContext), processed, dispatcher, metrics, ownerIndex);
        this.bundleMaster = new BundleMaster(processorContext.getStateStore(StoresAndTopics.BUNDLES), processed, timers,
                dispatcher, bundleMetrics, processorContext::currentSystemTimeMs);
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
            // the writes this step asked of entities mastered here too, and theirs in turn, in the order asked
            for (Input.Write next = dispatcher.nextAppliedHere(); next != null; next = dispatcher.nextAppliedHere()) {
                handle(next, step);
            }
        } finally {
            MDC.remove("entity_id");
            MDC.remove("command_id");
        }
    }

    /** Each input to its entity's master. */
    private void handle(final Input input, final Step step) {
        if (input instanceof Input.ForReservation forReservation) {
            reservationMaster.command(forReservation, step);
        } else if (input instanceof Input.ForWindow forWindow) {
            windowMaster.command(forWindow, step);
        } else if (input instanceof Input.ForBundle forBundle) {
            bundleMaster.command(forBundle, step);
        } else if (input instanceof Input.Write write) {
            handleWrite(write, step);
        }
    }

    /** A write's decision that throws is compensated ({@link FailedSteps#writeFailed}), never retried for ever. */
    private void handleWrite(final Input.Write input, final Step step) {
        try {
            switch (input.write().entityType()) {
                case RESERVATION -> reservationMaster.write(input, step);
                case WINDOW -> windowMaster.write(input, step);
                case BUNDLE -> bundleMaster.write(input, step);
            }
        } catch (final DecisionFailed failed) {
            failedSteps.writeFailed(input, context.recordMetadata().orElseThrow(), failed.cause, step);
        }
    }
}
