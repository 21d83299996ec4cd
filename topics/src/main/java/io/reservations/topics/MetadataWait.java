package io.reservations.topics;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Repeats an admin read while the broker does not know a topic yet: a topic made a moment ago reaches the broker
 * after the controller (seen as "This server does not host this topic-partition" on a fresh broker).
 */
final class MetadataWait {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration PAUSE = Duration.ofMillis(100);

    /** An admin read, as {@code KafkaFuture.get()} throws. */
    interface Read<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    private MetadataWait() {
    }

    static <T> T untilKnown(final Read<T> read) throws InterruptedException, ExecutionException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return read.get();
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(PAUSE.toNanos());
            }
        }
    }
}
