package io.reservations.processor.shard;

import java.time.Duration;

/**
 * @param partitions             partition count of the co-partitioned inputs: where every entity lives
 * @param commandRetention       how long a command id is remembered for de-duplication
 * @param rejectMisroutedRecords dead-letter a record whose key does not hash to the partition it arrived on,
 *                               since its entity would get a second master (off only where every record sits
 *                               in one partition, as in TopologyTestDriver)
 */
public record ShardMasterOptions(int partitions, Duration commandRetention, boolean rejectMisroutedRecords) {

    public static final Duration DEFAULT_COMMAND_RETENTION = Duration.ofHours(24);

    public ShardMasterOptions {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        if (commandRetention.isNegative() || commandRetention.isZero()) {
            throw new IllegalArgumentException("command retention must be positive");
        }
    }
}
