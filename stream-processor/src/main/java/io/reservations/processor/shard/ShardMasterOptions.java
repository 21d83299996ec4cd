package io.reservations.processor.shard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.reservations.processor.deadletters.RefusedOutputs;
import io.reservations.topics.Topics;
import java.time.Duration;

/**
 * @param partitions             partition count of the co-partitioned inputs: where every entity lives
 * @param commandRetention       how long a command id is remembered for de-duplication
 * @param rejectMisroutedRecords dead-letter a record whose key does not hash to the partition it arrived on,
 *                               since its entity would get a second master (off only where every record sits
 *                               in one partition, as in TopologyTestDriver)
 * @param meterRegistry          where the processor's own metrics go
 * @param selectionTimeout       how long a selection may wait for its window's answer before it is rejected
 * @param refusedOutputs         the input records whose steps Kafka refused, shared with the instance's
 *                               {@link RefusedOutputHandler}
 */
public record ShardMasterOptions(int partitions, Duration commandRetention, boolean rejectMisroutedRecords,
                                 MeterRegistry meterRegistry, Duration selectionTimeout, RefusedOutputs refusedOutputs) {

    public static final Duration DEFAULT_COMMAND_RETENTION = Duration.ofHours(24);
    public static final Duration DEFAULT_SELECTION_TIMEOUT = Duration.ofSeconds(30);
    /** How often due timers are looked for (wall clock): a timer fires at most this much after its due time. */
    private static final Duration TIMER_CHECK_INTERVAL = Duration.ofMillis(250);

    public ShardMasterOptions {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        if (commandRetention.isNegative() || commandRetention.isZero()) {
            throw new IllegalArgumentException("command retention must be positive");
        }
        if (selectionTimeout.isNegative() || selectionTimeout.isZero()) {
            throw new IllegalArgumentException("selection timeout must be positive");
        }
    }

    public ShardMasterOptions(final int partitions, final Duration commandRetention, final boolean rejectMisroutedRecords,
                              final MeterRegistry meterRegistry, final Duration selectionTimeout) {
        this(partitions, commandRetention, rejectMisroutedRecords, meterRegistry, selectionTimeout,
                new RefusedOutputs(Topics.MAX_RECORD_BYTES));
    }

    public ShardMasterOptions(final int partitions, final Duration commandRetention,
                              final boolean rejectMisroutedRecords, final MeterRegistry meterRegistry) {
        this(partitions, commandRetention, rejectMisroutedRecords, meterRegistry, DEFAULT_SELECTION_TIMEOUT);
    }

    public Duration timerCheckInterval() {
        return TIMER_CHECK_INTERVAL;
    }

    /** Metrics go to Micrometer's global registry. */
    public ShardMasterOptions(final int partitions, final Duration commandRetention, final boolean rejectMisroutedRecords) {
        this(partitions, commandRetention, rejectMisroutedRecords, Metrics.globalRegistry);
    }
}
