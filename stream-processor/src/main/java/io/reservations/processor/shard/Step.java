package io.reservations.processor.shard;

import java.time.Instant;

/**
 * One step of a saga: the time of the input record (every event and write it causes carries it, so a replay
 * yields identical events) and the partition whose master takes it.
 */
record Step(long timestamp, int partition) {

    Instant now() {
        return Instant.ofEpochMilli(timestamp);
    }
}
