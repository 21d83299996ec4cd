package io.reservations.processor.shard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleRejected;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.BundleStatus;
import io.reservations.processor.domain.BundleState;
import java.time.Duration;
import java.util.List;

/** Bundles' outcomes, their time from start to outcome, and the resources a rejected bundle gave back. */
final class BundleMetrics {

    private final MeterRegistry registry;

    BundleMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** What a step's events on a bundle say: an outcome (confirmed, held, rejected with its code, expired, cancelled). */
    void eventsApplied(final BundleState before, final List<BundleEvent> events, final int released) {
        for (final BundleEvent event : events) {
            if (event instanceof BundleStarted) {
                continue;
            }
            final String outcome = event.getClass().getSimpleName().substring("Bundle".length()).toLowerCase();
            Counter.builder("reservations.bundles.outcomes")
                    .description("Bundles' moves by outcome (rejections by the refused item's code)")
                    .tag("outcome", outcome)
                    .tag("code", event instanceof BundleRejected rejected ? rejected.code() : "")
                    .register(registry).increment();
            if (before != null && before.startedAt() != null && before.status() == BundleStatus.SELECTING) {
                Timer.builder("reservations.bundles.time_to_outcome")
                        .description("From a bundle's start to its outcome (confirmed, held or rejected)")
                        .publishPercentileHistogram()
                        .register(registry)
                        .record(Duration.between(before.startedAt(), event.occurredAt()));
            }
        }
        if (released > 0) {
            Counter.builder("reservations.bundles.compensations")
                    .description("Resources released because their bundle was rejected")
                    .register(registry).increment(released);
        }
    }
}
