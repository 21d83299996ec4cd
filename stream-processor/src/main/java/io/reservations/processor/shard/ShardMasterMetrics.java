package io.reservations.processor.shard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.Waitlisted;
import io.reservations.processor.timers.TimerMeters;
import java.time.Duration;
import java.util.List;
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

    /**
     * What a step's events on a reservation say: selections that start or end, holds that ran out.
     *
     * @param selectionInFlight whether the reservation was waiting for its window's answer before the step (after it,
     *                          a selection waiting in line, or its resource from the line, starts or ends nothing)
     */
    void eventsApplied(final List<ReservationEvent> events, final boolean selectionInFlight) {
        for (final ReservationEvent event : events) {
            if (event instanceof SelectionStarted) {
                selectionsInFlight.incrementAndGet();
            } else if (selectionInFlight && (event instanceof ResourceSelected || event instanceof ResourceHeld
                    || event instanceof SelectionRejected || event instanceof Waitlisted)) {
                selectionsInFlight.decrementAndGet();
            } else if (event instanceof HoldExpired expired) {
                holdExpired(expired);
            }
        }
    }

    /** A select-resource got its result in this step: counted by outcome code. */
    void selectionAnswered(final CommandResult result) {
        final String code = result.status() == CommandStatus.SUCCEEDED ? "succeeded" : result.code();
        Counter.builder("reservations.select_resource.outcomes")
                .description("select-resource results by outcome code")
                .tag("code", code)
                .register(registry)
                .increment();
    }

    /** A resource released because its confirmation reached a reservation that did not want it. */
    void compensated() {
        Counter.builder("reservations.compensations")
                .description("Resources released because their confirmation reached a reservation that did not want them")
                .register(registry)
                .increment();
    }

    /** From the origin master's step, through its commit, to the target master's apply. */
    void forwardApplied(final Operation operation, final long sentAtMillis) {
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

    void deadLettered(final String topic) {
        Counter.builder("reservations.dead_letters")
                .description("Input records sent to dead-letters")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
