package io.reservations.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class RecentHealthTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    private final AtomicInteger checks = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));

    /** Up on the first check, down on every later one: a result tells which check gave it. */
    private final RecentHealth health = new RecentHealth(
            () -> checks.incrementAndGet() == 1 ? Health.up().build() : Health.down().build(), clock, TTL);

    @Test
    void shouldAnswerProbesWithinTheTtlFromOneCheck() {
        for (int probe = 0; probe < 1_000; probe++) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
        clock.advance(TTL.minusMillis(1));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(checks).hasValue(1);
    }

    @Test
    void shouldCheckAgainOnceTheResultIsOlderThanTheTtl() {
        health.health();
        clock.advance(TTL);

        assertThat(health.health().getStatus()).as("a new check's result").isEqualTo(Status.DOWN);
        assertThat(checks).hasValue(2);
    }
}
