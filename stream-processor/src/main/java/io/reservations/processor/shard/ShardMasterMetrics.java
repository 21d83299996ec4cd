package io.reservations.processor.shard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.EntityType;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Operation;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.processor.domain.Outcome;
import io.reservations.processor.timers.TimerMeters;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's monitoring wish list: cross-master write latency and outcome rates, plus compensations,
 * selections in flight and dead letters (the timers' own meters are {@link TimerMeters}). All meters are named
 * {@code reservations.*}.
 */
public final class ShardMasterMetrics {

    private final MeterRegistry registry;
    private final AtomicLong selectionsInFlight = new AtomicLong();

    public ShardMasterMetrics(final MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("reservations.selections.in_flight", selectionsInFlight, AtomicLong::get)
                .description("Selections started and not yet settled by this instance (sum over instances)")
                .register(registry);
    }

    /** Every meter a step moves, from what came in and what was decided. */
    void stepApplied(final Input input, final Outcome<?> outcome) {
        final boolean reservationWrite = input instanceof Input.Write write
                && write.write().entityType() == EntityType.RESERVATION;
        final boolean selection = reservationWrite
                || input instanceof Input.ForReservation command && command.command() instanceof SelectResource;
        if (selection && outcome.result() != null) {
            selectionSettled(outcome.result());
        }
        final boolean expiry = reservationWrite && ((Input.Write) input).write().operation() == Operation.EXPIRE_HOLD;
        if (reservationWrite && !expiry
                && outcome.forwards().stream().anyMatch(w -> w.operation() == Operation.RELEASE_RESOURCE)) {
            compensation();
        }
        for (final Object event : outcome.events()) {
            if (event instanceof SelectionStarted) {
                selectionsInFlight.incrementAndGet();
            } else if (event instanceof ResourceSelected || event instanceof ResourceHeld
                    || event instanceof SelectionRejected) {
                selectionsInFlight.decrementAndGet();
            } else if (event instanceof HoldExpired expired) {
                holdExpired(expired);
            }
        }
        if (input instanceof Input.Write write && write.sentAt() != null) {
            forwardApplied(write.write().operation(), write.sentAt());
        }
    }

    /** From the origin master's step, through its commit, to the target master's apply. */
    private void forwardApplied(final Operation operation, final long sentAtMillis) {
        Timer.builder("reservations.forward_writes.latency")
                .description("Time from the origin master's step to the target master applying the forward write")
                .tag("operation", operation.name())
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - sentAtMillis)));
    }

    /** Counted, and the time from the hold's due time (the expiring step's record time) to now. */
    private void holdExpired(final HoldExpired expired) {
        Counter.builder("reservations.holds.expired").description("Holds that ran out before a confirm")
                .register(registry).increment();
        Timer.builder("reservations.holds.expiry_lag")
                .description("From a hold's due time to its expiry being applied")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - expired.occurredAt().toEpochMilli())));
    }

    private void selectionSettled(final CommandResult result) {
        final String code = result.status() == CommandStatus.SUCCEEDED ? "succeeded" : result.code();
        Counter.builder("reservations.select_resource.outcomes")
                .description("select-resource results by outcome code")
                .tag("code", code)
                .register(registry)
                .increment();
    }

    private void compensation() {
        Counter.builder("reservations.compensations")
                .description("Resources released because their confirmation reached a reservation that did not want them")
                .register(registry)
                .increment();
    }

    void deadLettered(final String topic) {
        Counter.builder("reservations.dead_letters")
                .description("Input records sent to dead-letters")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
