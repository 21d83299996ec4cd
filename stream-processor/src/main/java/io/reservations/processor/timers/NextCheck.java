package io.reservations.processor.timers;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The one check of a partition's timers that is armed at a time: at its earliest due timer, not sooner than one
 * interval from now (so that a burst of timers shares checks), never on a fixed beat. Kafka Streams commits a task
 * after every punctuation, and a partition whose next timer is minutes away (a ten-minute hold, a selection's 30 s
 * deadline) should not commit a transaction four times a second meanwhile.
 */
final class NextCheck {

    private final ProcessorContext<?, ?> context;
    private final LongSupplier wallClock;
    private final Duration minInterval;
    private final Punctuator check;
    private Cancellable armed;
    /** When the armed check fires, wall clock millis ({@link Long#MAX_VALUE}: none armed). */
    private long armedAt = Long.MAX_VALUE;

    /**
     * @param wallClock the time Kafka Streams schedules a punctuation from (the context's is not set yet while a
     *                  task initializes: a check armed from it at start was due decades late, and holds that fell
     *                  due while no processor ran never expired)
     */
    NextCheck(final ProcessorContext<?, ?> context, final LongSupplier wallClock, final Duration minInterval,
              final Punctuator check) {
        this.context = context;
        this.wallClock = wallClock;
        this.minInterval = minInterval;
        this.check = check;
    }

    /** A timer is due at {@code dueMillis}: the check fires then, or earlier if it is armed earlier already. */
    void armFor(final long dueMillis) {
        final long now = wallClock.getAsLong();
        final long at = Math.max(dueMillis, now + minInterval.toMillis());
        if (armed != null && armedAt <= at) {
            return;
        }
        disarm();
        armedAt = at;
        armed = context.schedule(Duration.ofMillis(at - now), PunctuationType.WALL_CLOCK_TIME, check);
    }

    /** No check is armed any more (until the next {@link #armFor}). */
    void disarm() {
        if (armed != null) {
            armed.cancel();
            armed = null;
            armedAt = Long.MAX_VALUE;
        }
    }
}
