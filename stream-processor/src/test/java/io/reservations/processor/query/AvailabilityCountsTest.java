package io.reservations.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.processor.domain.Slot;
import io.reservations.queries.Availability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvailabilityCountsTest {

    @Test
    void shouldCountEachTypeItsAvailableResourcesAndItsLineInTypeOrder() {
        final Availability availability = AvailabilityCounts.of("w1", List.of(new Slot("s1", "seat", null),
                new Slot("d1", "desk", "r1"), new Slot("s2", "seat", "r2"), new Slot("s3", "seat", null)),
                type -> type.equals("desk") ? 4 : 0);

        assertThat(availability.windowId()).isEqualTo("w1");
        assertThat(availability.types()).containsExactly(
                Map.entry("desk", new Availability.Count(1, 0, 4)),
                Map.entry("seat", new Availability.Count(3, 2, 0)));
    }
}
