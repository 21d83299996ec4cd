package io.reservations.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import io.reservations.contract.CommandResult;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.Window;
import io.reservations.contract.WindowResource;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultWeightTest {

    private static final long BUDGET = 16L * 1024 * 1024;

    @Test
    void shouldKeepTheResultsOfAFloodOfLargeWindowsWithinTheByteBudget() {
        final Cache<String, CommandResult> cache = ResultWeight.cache(BUDGET);
        final List<WindowResource> resources = IntStream.range(0, 10_000)
                .mapToObj(i -> new WindowResource("r".repeat(60) + i, "seat", true, null)).toList();

        for (int i = 0; i < 200; i++) {
            cache.put("window-" + i, CommandResult.succeeded("window-" + i, new Window("w" + i, resources)));
            cache.cleanUp();
            assertThat(cache.policy().eviction().orElseThrow().weightedSize().orElseThrow()).isLessThanOrEqualTo(BUDGET);
        }
        assertThat(ResultWeight.of(CommandResult.succeeded("w", new Window("w", resources))))
                .as("a 10,000-resource window weighs over 1 MB").isGreaterThan(1_000_000);
        assertThat(cache.estimatedSize()).isLessThan(20);
    }

    @Test
    void shouldKeepManySmallResults() {
        final Cache<String, CommandResult> cache = ResultWeight.cache(BUDGET);
        for (int i = 0; i < 10_000; i++) {
            cache.put("c" + i, CommandResult.succeeded("c" + i, new Reservation("r" + i, "w", ReservationStatus.PENDING, null, "alice")));
        }
        cache.cleanUp();
        assertThat(cache.estimatedSize()).isEqualTo(10_000);
    }
}
