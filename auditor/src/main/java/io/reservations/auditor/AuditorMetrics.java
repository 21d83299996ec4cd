package io.reservations.auditor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code reservations_audit_violations_total{invariant}} (every invariant from zero), the auditor's lag in records
 * ({@code reservations_audit_lag_records}, -1 until known), the events read and those it could not read.
 */
final class AuditorMetrics {

    private final Map<Invariant, Counter> violations = new EnumMap<>(Invariant.class);
    private final AtomicLong lag = new AtomicLong(-1);
    private final Counter read;
    private final Counter unreadable;

    AuditorMetrics(final MeterRegistry meters) {
        for (final Invariant invariant : Invariant.values()) {
            violations.put(invariant, Counter.builder("reservations.audit.violations")
                    .description("Broken promises the auditor found, by invariant")
                    .tag("invariant", invariant.tag()).register(meters));
        }
        Gauge.builder("reservations.audit.lag", lag, AtomicLong::get).baseUnit("records")
                .description("Committed event records the auditor has still to read").register(meters);
        read = Counter.builder("reservations.audit.events").description("Event records the auditor read")
                .register(meters);
        unreadable = Counter.builder("reservations.audit.unreadable")
                .description("Event records the auditor could not decode and skipped").register(meters);
    }

    void violation(final Invariant invariant) {
        violations.get(invariant).increment();
    }

    void read() {
        read.increment();
    }

    void unreadable() {
        unreadable.increment();
    }

    /** Updates the lag from what the consumer last fetched; true when it has read everything committed. */
    boolean lag(final Consumer<?, ?> consumer, final List<TopicPartition> partitions) {
        long total = 0;
        for (final TopicPartition partition : partitions) {
            final OptionalLong behind = consumer.currentLag(partition);
            if (behind.isEmpty()) {
                return false;
            }
            total += behind.getAsLong();
        }
        lag.set(total);
        return total == 0;
    }
}
