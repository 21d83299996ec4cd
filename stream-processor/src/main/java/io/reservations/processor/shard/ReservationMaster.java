package io.reservations.processor.shard;

import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectResource;
import io.reservations.processor.dedup.InFlightSelections;
import io.reservations.processor.dedup.ProcessedCommands;
import io.reservations.processor.domain.Outcome;
import io.reservations.processor.domain.ReservationDecider;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.timers.SagaTimers;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The master of one partition's reservations: a client's command for one of them, or a write another step sent
 * (a window's answer to a selection, a compensation). Decides, stores the new state with its timers and its owner
 * index entry, and hands the events, writes and result to the {@link Dispatcher}.
 */
final class ReservationMaster {

    private final KeyValueStore<String, ReservationState> reservations;
    private final ProcessedCommands processed;
    private final SagaTimers timers;
    private final OwnerIndex ownerIndex;
    private final Dispatcher dispatcher;
    private final ShardMasterMetrics metrics;
    private final LongSupplier wallClock;

    ReservationMaster(final KeyValueStore<String, ReservationState> reservations, final ProcessedCommands processed,
                      final SagaTimers timers, final OwnerIndex ownerIndex, final Dispatcher dispatcher,
                      final ShardMasterMetrics metrics, final LongSupplier wallClock) {
        this.reservations = reservations;
        this.processed = processed;
        this.timers = timers;
        this.ownerIndex = ownerIndex;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.wallClock = wallClock;
    }

    void command(final Input.ForReservation input, final Step step) {
        final ReservationCommand command = input.command();
        if (processed.seen(command.commandId(), result -> dispatcher.publish(result, step))) {
            return;
        }
        final ReservationState state = reservations.get(command.reservationId());
        if (InFlightSelections.awaits(state, command.commandId())) {
            return; // its result comes with the window's answer
        }
        final Outcome<ReservationEvent> decided =
                DecisionFailed.when(() -> ReservationDecider.decide(state, command, step.now()));
        // remembered first (here, or by the state this step stores): a same-partition saga may settle the result
        // while its outcome is applied
        final Outcome<ReservationEvent> outcome = InFlightSelections.starts(decided) ? decided
                : decided.withResult(processed.accept(command.commandId(), command.requestHash(),
                command.requestedBy(), decided.result(), step.timestamp()));
        apply(command.reservationId(), state, input, outcome, step);
        if (command instanceof SelectResource && outcome.result() != null) {
            metrics.selectionAnswered(outcome.result()); // at once: refused before any window was asked
        }
    }

    void write(final Input.Write input, final Step step) {
        final ForwardWrite write = input.write();
        final ReservationState state = reservations.get(write.entityId());
        final Outcome<ReservationEvent> decided =
                DecisionFailed.when(() -> ReservationDecider.decide(state, write, step.now()));
        final Outcome<ReservationEvent> outcome = decided.result() == null ? decided
                : decided.withResult(processed.complete(decided.result(), step.timestamp(), state));
        apply(write.entityId(), state, input, outcome, step);
        if (outcome.result() != null) {
            metrics.selectionAnswered(outcome.result()); // the window's answer, or the selection's deadline
        }
        if (write.operation() != Operation.EXPIRE_HOLD && write.operation() != Operation.SETTLE_BUNDLE_ITEM
                && outcome.forwards().stream().anyMatch(asked -> asked.operation() == Operation.RELEASE_RESOURCE)) {
            metrics.compensated();
        }
        if (input.sentAt() != null) {
            metrics.forwardApplied(write.operation(), input.sentAt());
        }
    }

    private void apply(final String id, final ReservationState state, final Input input,
                       final Outcome<ReservationEvent> outcome, final Step step) {
        if (!outcome.events().isEmpty()) {
            final ReservationState folded = ReservationDecider.fold(state, outcome.events());
            final ReservationState next = timers.track(state, input instanceof Input.ForReservation forReservation
                    ? InFlightSelections.remember(folded, forReservation.command(), step.timestamp()) : folded,
                    wallClock.getAsLong());
            reservations.put(id, next);
            ownerIndex.changed(next, step.timestamp());
        }
        dispatcher.emit(id, outcome.events(), ShardMasterTopology.RESERVATION_EVENTS_SINK, step);
        metrics.eventsApplied(outcome.events(), state != null && state.status() == ReservationStatus.SELECTING);
        dispatcher.dispatch(input.commandId(), outcome, step);
    }
}
