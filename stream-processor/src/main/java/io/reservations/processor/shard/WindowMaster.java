package io.reservations.processor.shard;

import io.reservations.contract.CreateWindow;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.dedup.ProcessedCommands;
import io.reservations.processor.domain.Outcome;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.store.WindowStores;
import io.reservations.topics.WindowEventHeaders;

/**
 * The master of one partition's windows: a client's command for one of them, or a write a reservation's step sent
 * (allocate, release). Decides, applies the events to the window's stores, and hands the events, writes and result
 * to the {@link Dispatcher}.
 */
final class WindowMaster {

    private final WindowStores windows;
    private final ProcessedCommands processed;
    private final Dispatcher dispatcher;
    private final ShardMasterMetrics metrics;
    private final OwnerIndex ownerIndex;

    WindowMaster(final WindowStores windows, final ProcessedCommands processed, final Dispatcher dispatcher,
                 final ShardMasterMetrics metrics, final OwnerIndex ownerIndex) {
        this.windows = windows;
        this.ownerIndex = ownerIndex;
        this.processed = processed;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    void command(final Input.ForWindow input, final Step step) {
        final WindowCommand command = input.command();
        if (processed.seen(command.commandId(), result -> dispatcher.publish(result, step))) {
            return;
        }
        final Outcome<WindowEvent> decided =
                DecisionFailed.when(() -> WindowDecider.decide(windows.find(command.windowId()), command, step.now()));
        apply(command.windowId(), input, null, decided.withResult(processed.accept(command.commandId(),
                command.requestHash(), command.requestedBy(), decided.result(), step.timestamp())), step);
        if (command instanceof CreateWindow create && decided.events().stream().anyMatch(WindowCreated.class::isInstance)) {
            ownerIndex.windowCreated(create.windowId(), create.requestedBy(), step.timestamp()); // the creator's quota
        }
    }

    void write(final Input.Write input, final Step step) {
        final ForwardWrite write = input.write();
        apply(write.entityId(), input, write.data().reservationOwner(), DecisionFailed.when(
                () -> WindowDecider.decide(windows.find(write.entityId()), write, step.now())), step);
        if (write.data().result() != null) {
            dispatcher.publish(write.data().result(), step); // a cancel's result, once its resource is free again
        }
        if (input.sentAt() != null) {
            metrics.forwardApplied(write.operation(), input.sentAt());
        }
    }

    /** @param holderOwner the owner of the reservation a write comes from (shown with what it holds), or null */
    private void apply(final String id, final Input input, final String holderOwner, final Outcome<WindowEvent> outcome,
                       final Step step) {
        for (final WindowEvent event : outcome.events()) {
            final WindowStores.WindowChange change = windows.apply(id, event, holderOwner);
            dispatcher.emit(id, event, WindowEventHeaders.of(change.version(), change.reservationOwner()),
                    ShardMasterTopology.WINDOW_EVENTS_SINK, step);
        }
        dispatcher.dispatch(input.commandId(), outcome, step);
    }
}
