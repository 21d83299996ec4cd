package io.reservations.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ThreadFailures failures = new ThreadFailures(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }, meters);

    @Test
    void shouldReplaceTheFailedThreadAndCountIt() {
        assertThat(failures.handle(new IllegalStateException("boom"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);

        assertThat(failures.recentFailures()).isOne();
        assertThat(meters.get("reservations.processor.thread_failures").counter().count()).isEqualTo(1.0);
        assertThat(failures.failingRepeatedly()).as("one failure is recovered from").isFalse();
    }

    @Test
    void shouldReportRepeatedFailuresWithinTheWindow() {
        for (int i = 0; i < ThreadFailures.REPEATED; i++) {
            failures.handle(new IllegalStateException("failure " + i));
            advance(Duration.ofSeconds(20));
        }

        assertThat(failures.failingRepeatedly()).isTrue();
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        for (int i = 0; i < ThreadFailures.REPEATED; i++) {
            failures.handle(new IllegalStateException("failure " + i));
        }
        advance(ThreadFailures.WINDOW.plusSeconds(1));

        assertThat(failures.recentFailures()).isZero();
        assertThat(failures.failingRepeatedly()).isFalse();
        assertThat(meters.get("reservations.processor.thread_failures").counter().count())
                .as("the counter keeps every failure").isEqualTo(ThreadFailures.REPEATED);
    }

    private void advance(final Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
