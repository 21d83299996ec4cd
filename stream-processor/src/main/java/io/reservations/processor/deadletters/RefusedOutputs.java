package io.reservations.processor.deadletters;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The input records whose step Kafka refused to take (a record larger than a topic allows, one that would not
 * serialize). The transaction of such a step can only abort, and the replacement thread would take the same
 * record again, for ever; this memory, shared by the instance's threads, lets the master turn it into a dead
 * letter on the next attempt instead. It is kept in memory: after a restart a refused record costs one more
 * failed attempt, not a stopped partition.
 */
public final class RefusedOutputs {

    /** Where {@link RefusedOutputHandler} finds this instance's memory among the Streams configs. */
    public static final String CONFIG = "reservations.refused-outputs";

    private final Cache<String, AtomicInteger> refusals = Caffeine.newBuilder().maximumSize(10_000).build();
    private final int largestRecordBytes;

    /** @param largestRecordBytes the producer's own limit ({@code max.request.size}) */
    public RefusedOutputs(final int largestRecordBytes) {
        this.largestRecordBytes = largestRecordBytes;
    }

    /**
     * Whether the producer itself refused a record of this size, before sending it (then the error handler's
     * context still names the input being processed), rather than a broker, later, while other inputs ran. The
     * producer counts a record with its batch overhead, under 1 KiB.
     */
    public boolean refusedBeforeSending(final long recordBytes) {
        return recordBytes > largestRecordBytes - 1024L;
    }

    /** Kafka refused what the step of this input record wrote. */
    public void refused(final String topic, final int partition, final long offset) {
        refusals.get(key(topic, partition, offset), any -> new AtomicInteger()).incrementAndGet();
    }

    /** How many times Kafka refused the step of this input record (0: never). */
    public int refusals(final RecordMetadata source) {
        final AtomicInteger count = refusals.getIfPresent(key(source.topic(), source.partition(), source.offset()));
        return count == null ? 0 : count.get();
    }

    private static String key(final String topic, final int partition, final long offset) {
        return topic + "-" + partition + "@" + offset;
    }
}
