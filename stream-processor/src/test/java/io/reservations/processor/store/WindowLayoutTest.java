package io.reservations.processor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowCommand;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.shard.ShardMasterTopology;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The indexed window layout, through the whole topology: what an allocation writes, and the order it keeps. */
class WindowLayoutTest {

    private static final String APPLICATION = "window-layout-test";
    private static final List<String> WINDOW_STORES = List.of(StoresAndTopics.WINDOW_INDEX, StoresAndTopics.WHOLE_WINDOWS);
    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, WindowCommand> windowCommands;
    private TestInputTopic<String, ReservationCommand> reservationCommands;
    private final List<TestOutputTopic<String, byte[]>> changelogs = new ArrayList<>();
    private DriverWindows windows;
    private int sequence;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(ShardMasterTopology.build(
                new ShardMasterOptions(1, Duration.ofHours(24), false, new SimpleMeterRegistry())), props);
        windowCommands = driver.createInputTopic(Topics.WINDOW_COMMANDS.name(), Serdes.String().serializer(),
                Topics.WINDOW_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        reservationCommands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        for (final String store : WINDOW_STORES) {
            changelogs.add(driver.createOutputTopic(APPLICATION + "-" + store + "-changelog",
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer()));
        }
        windows = new DriverWindows(driver);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldWriteUnderAKilobyteToTheChangelogsPerAllocationAtTenThousandResources() {
        final List<ResourceSpec> resources = IntStream.range(0, 10_000)
                .mapToObj(i -> new ResourceSpec("resource-" + i, i % 2 == 0 ? "seat" : "desk")).toList();
        windowCommands.pipeInput("big", new CreateWindow("create", "big", resources));
        changelogRecords(); // the creation writes every resource once

        for (int i = 0; i < 100; i++) {
            reservationCommands.pipeInput("r-" + i, new CreateReservation("create-r-" + i, "r-" + i, "big"));
            changelogRecords();
            reservationCommands.pipeInput("r-" + i, new SelectResource("select-r-" + i, "r-" + i, "seat"));
            final List<TestRecord<String, byte[]>> written = changelogRecords();
            // the slot, the holder, the free block, the window's version
            assertThat(written).as("allocation %d writes a few small values", i).hasSizeBetween(1, 4);
            assertThat(written.stream().mapToInt(WindowLayoutTest::size).sum()).as("bytes of allocation %d", i)
                    .isLessThan(1024);
        }
        assertThat(windows.get("big").resources().get(198)).isEqualTo(new Slot("resource-198", "seat", "r-99"));
        assertThat(windows.get("big").resources().get(200).available()).isTrue();
    }

    @Test
    void shouldTakeTheFirstAvailableResourceInDeclaredOrderAcrossBlocks() {
        // one seat at the end of the first block, the rest of the seats in the third: blocks are 1,024 positions
        final List<ResourceSpec> resources = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            resources.add(new ResourceSpec("p" + i, i == 1023 || i >= 2048 ? "seat" : "desk"));
        }
        windowCommands.pipeInput("w", new CreateWindow("create", "w", resources));
        assertThat(allocatedTo("w", "first", "seat")).isEqualTo("p1023");
        assertThat(allocatedTo("w", "second", "seat")).isEqualTo("p2048");
        assertThat(allocatedTo("w", "third", "seat")).isEqualTo("p2049");
        cancel("first");
        assertThat(allocatedTo("w", "fourth", "seat")).as("freed again, first in order").isEqualTo("p1023");
        assertThat(allocatedTo("w", "second", "seat")).as("a repeated select keeps what it holds").isEqualTo("p2048");

        final WindowState window = windows.get("w");
        assertThat(window.resources()).extracting(Slot::id).containsExactlyElementsOf(resources.stream().map(ResourceSpec::id).toList());
        assertThat(window.resources().stream().filter(slot -> !slot.available()).map(Slot::heldBy))
                .containsExactly("fourth", "second", "third");
    }

    @Test
    void shouldMigrateAWholeWindowOnFirstUseAndDropTheWholeDocument() {
        windows.putWhole(new WindowState("old", List.of(new Slot("a", "seat", "r-old"), new Slot("b", "seat", null),
                new Slot("c", "desk", null))));

        assertThat(allocatedTo("old", "r-new", "seat")).isEqualTo("b");

        assertThat(windows.get("old")).isEqualTo(new WindowState("old", List.of(new Slot("a", "seat", "r-old"),
                new Slot("b", "seat", "r-new"), new Slot("c", "desk", null))));
        assertThat(driver.<String, WindowState>getKeyValueStore(StoresAndTopics.WHOLE_WINDOWS).get("old"))
                .as("the whole document is gone once migrated").isNull();
    }

    /** A whole select-resource saga (one partition: every step is applied here), so exactly one allocation. */
    private void allocate(final String window, final String reservation, final String type) {
        reservationCommands.pipeInput(reservation, new CreateReservation("create-" + reservation, reservation, window));
        reservationCommands.pipeInput(reservation, new SelectResource("cmd-" + sequence++, reservation, type));
    }

    private String allocatedTo(final String window, final String reservation, final String type) {
        allocate(window, reservation, type);
        return windows.get(window).resources().stream()
                .filter(slot -> reservation.equals(slot.heldBy())).findFirst().orElseThrow().id();
    }

    private void cancel(final String reservation) {
        reservationCommands.pipeInput(reservation, new CancelReservation("cmd-" + sequence++, reservation));
    }

    private List<TestRecord<String, byte[]>> changelogRecords() {
        final List<TestRecord<String, byte[]>> records = new ArrayList<>();
        changelogs.forEach(topic -> records.addAll(topic.readRecordsToList()));
        return records;
    }

    private static int size(final TestRecord<String, byte[]> record) {
        return record.key().length() + (record.value() == null ? 0 : record.value().length);
    }
}
