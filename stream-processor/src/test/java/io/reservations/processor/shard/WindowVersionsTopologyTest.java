package io.reservations.processor.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowLayout;
import io.reservations.topics.WindowEventHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * A window's master counts the events it applies to the window: the count is kept with the window and carried in
 * each event's record headers, with the owner of the reservation the event names, for the change streams.
 */
class WindowVersionsTopologyTest {

    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void shouldCarryTheWindowsVersionAndTheReservationsOwnerWithEachEvent() {
        try (ShardMasterDriver masters = new ShardMasterDriver(START, Duration.ZERO, new SimpleMeterRegistry())) {
            final String window = ShardMasterDriver.onPartition("w", 1);
            final String reservation = ShardMasterDriver.onPartition("r", 2);
            masters.createWindow(window, "seat");
            masters.send(new CreateReservation(masters.nextCommandId(), reservation, window, null, "alice"));
            masters.select(reservation, "seat");
            masters.cancel(reservation);

            final List<TestRecord<String, WindowEvent>> events = masters.windowEvents().readRecordsToList();

            assertThat(events).extracting(event -> event.value().getClass().getSimpleName())
                    .containsExactly("WindowCreated", "ResourceAllocated", "ResourceReleased");
            assertThat(events).extracting(event -> WindowEventHeaders.version(event.headers())).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(event -> WindowEventHeaders.reservationOwner(event.headers()))
                    .containsExactly(null, "alice", "alice");
            assertThat(WindowLayout.version(masters.driver().getKeyValueStore(StoresAndTopics.WINDOW_INDEX), window))
                    .isEqualTo(3);
        }
    }
}
