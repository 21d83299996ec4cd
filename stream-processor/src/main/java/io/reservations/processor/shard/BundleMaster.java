package io.reservations.processor.shard;

import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.Operation;
import io.reservations.processor.dedup.ProcessedCommands;
import io.reservations.processor.domain.BundleDecider;
import io.reservations.processor.domain.BundleDecision;
import io.reservations.processor.domain.BundleSaga;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.Outcome;
import io.reservations.processor.timers.SagaTimers;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The master of one partition's bundles: a client's command for one of them, or a write its items or its timer
 * sent (an item's answer, an item's acknowledgement, the deadline or the hold's end). Decides, stores the new state
 * with its timer, and hands the events, writes and result to the {@link Dispatcher}. A bundle's command is
 * remembered from its acceptance; its result, published once every item has applied its part, is stored then.
 */
final class BundleMaster {

    private final KeyValueStore<String, BundleState> bundles;
    private final ProcessedCommands processed;
    private final SagaTimers timers;
    private final Dispatcher dispatcher;
    private final BundleMetrics metrics;
    private final LongSupplier wallClock;

    BundleMaster(final KeyValueStore<String, BundleState> bundles, final ProcessedCommands processed,
                 final SagaTimers timers, final Dispatcher dispatcher, final BundleMetrics metrics,
                 final LongSupplier wallClock) {
        this.bundles = bundles;
        this.processed = processed;
        this.timers = timers;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.wallClock = wallClock;
    }

    void command(final Input.ForBundle input, final Step step) {
        final BundleCommand command = input.command();
        if (processed.seen(command.commandId(), result -> dispatcher.publish(result, step))) {
            return; // a repeat: its result, once known, again; nothing while in flight
        }
        final BundleState state = bundles.get(command.bundleId());
        final BundleDecision decision = DecisionFailed.when(() -> BundleDecider.decide(state, command, step.now()));
        final Outcome<BundleEvent> decided = decision.outcome();
        apply(command.bundleId(), state, decision.state(), decided.withResult(processed.accept(command.commandId(),
                command.requestHash(), command.requestedBy(), decided.result(), step.timestamp())), input, step);
    }

    void write(final Input.Write input, final Step step) {
        final String id = input.write().entityId();
        final BundleState state = bundles.get(id);
        final BundleDecision decision = DecisionFailed.when(() -> BundleSaga.decide(state, input.write(), step.now()));
        final Outcome<BundleEvent> decided = decision.outcome();
        apply(id, state, decision.state(), decided.result() == null ? decided
                : decided.withResult(processed.complete(decided.result(), step.timestamp(), null)), input, step);
    }

    private void apply(final String id, final BundleState before, final BundleState after,
                       final Outcome<BundleEvent> outcome, final Input input, final Step step) {
        if (after != before && after != null) {
            bundles.put(id, timers.bundles().track(before, after, wallClock.getAsLong()));
        }
        dispatcher.emit(id, outcome.events(), ShardMasterTopology.BUNDLE_EVENTS_SINK, step);
        metrics.eventsApplied(before, outcome.events(), (int) outcome.forwards().stream()
                .filter(write -> write.operation() == Operation.RELEASE_RESOURCE).count());
        dispatcher.dispatch(input.commandId(), outcome, step);
    }
}
