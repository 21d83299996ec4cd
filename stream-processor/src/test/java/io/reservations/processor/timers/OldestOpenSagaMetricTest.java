package io.reservations.processor.timers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The age of the oldest selection in flight, over the partitions of one instance. */
class OldestOpenSagaMetricTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TimerMeters metrics = new TimerMeters(registry);

    @Test
    void shouldBeZeroWhileNoSelectionIsInFlight() {
        assertThat(age()).isZero();
    }

    @Test
    void shouldGiveTheAgeOfTheOldestSelectionOverAllPartitions() {
        final long now = System.currentTimeMillis();
        metrics.selectionStarted(1, now - 2_000);
        metrics.selectionStarted(2, now - 9_000);
        metrics.selectionStarted(2, now - 1_000); // not the oldest of its partition

        assertThat(age()).isBetween(9.0, 60.0);
    }

    @Test
    void shouldFollowWhatThePartitionsTimersSayAndForgetAPartitionThatLeft() {
        final long now = System.currentTimeMillis();
        metrics.selectionStarted(1, now - 20_000);
        metrics.selectionStarted(2, now - 3_000);

        metrics.oldestSelection(1, OptionalLong.of(now - 10_000));
        assertThat(age()).isBetween(10.0, 60.0);
        metrics.oldestSelection(1, OptionalLong.empty());
        assertThat(age()).isBetween(3.0, 9.0);
        metrics.oldestSelection(2, OptionalLong.empty());
        assertThat(age()).isZero();
    }

    private double age() {
        return registry.get("reservations.sagas.oldest_open.age").timeGauge().value(TimeUnit.SECONDS);
    }
}
