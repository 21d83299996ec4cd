package io.reservations.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a failed stream thread (its tasks resume from the last committed transaction) and remembers when
 * threads failed. One failure is recovered from; a thread that fails again and again (a missing ACL, a store that
 * cannot be restored) keeps Kafka Streams RUNNING while nothing is processed, so {@link #failingRepeatedly()} is
 * what readiness asks.
 */
public final class ThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailures.class);
    /** How far back failures count. */
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Failures within {@link #WINDOW} that mean the threads are failing repeatedly. */
    public static final int REPEATED = 3;

    private final Clock clock;
    private final Counter failures;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public ThreadFailures(final Clock clock, final MeterRegistry registry) {
        this.clock = clock;
        this.failures = Counter.builder("reservations.processor.thread_failures")
                .description("Stream threads that failed and were replaced").register(registry);
    }

    @Override
    public StreamThreadExceptionResponse handle(final Throwable error) {
        LOG.error("Stream thread failed; replacing it", error);
        failures.increment();
        synchronized (recent) {
            recent.addLast(clock.instant());
            forgetOld();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Stream threads that failed within the last {@link #WINDOW}. */
    public int recentFailures() {
        synchronized (recent) {
            forgetOld();
            return recent.size();
        }
    }

    /** At least {@link #REPEATED} thread failures within the last {@link #WINDOW}. */
    public boolean failingRepeatedly() {
        return recentFailures() >= REPEATED;
    }

    private void forgetOld() {
        final Instant horizon = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }
}
