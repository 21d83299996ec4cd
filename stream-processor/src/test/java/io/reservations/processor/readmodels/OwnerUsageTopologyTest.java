package io.reservations.processor.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowCommand;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.OwnerUsage;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read models count what each owner keeps and publish it, keyed by owner, for the API's quotas. */
class OwnerUsageTopologyTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    private static final TopicSpec<String, OwnerUsage> USAGE = OwnerUsage.topic(StoresAndTopics.DEFAULT_APPLICATION_ID);

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReservationCommand> reservations;
    private TestInputTopic<String, WindowCommand> windows;
    private TestOutputTopic<String, OwnerUsage> usage;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "owner-usage-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ReadModelTopology.withShardMasters(new ShardMasterOptions(12,
                Duration.ofHours(24), false, new SimpleMeterRegistry()), OwnerIndexSync.none(new SimpleMeterRegistry())),
                props, START);
        reservations = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ZERO);
        windows = driver.createInputTopic(Topics.WINDOW_COMMANDS.name(), Serdes.String().serializer(),
                Topics.WINDOW_COMMANDS.valueSerde().serializer(), START, Duration.ZERO);
        usage = driver.createOutputTopic(USAGE.name(), USAGE.keySerde().deserializer(), USAGE.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCountOpenReservationsHoldsAndWindowsPerOwner() {
        windows.pipeInput("w", new CreateWindow("c0", "w", List.of(new ResourceSpec("seat-1", "seat")), null, "alice"));
        reservations.pipeInput("r1", new CreateReservation("c1", "r1", "w", null, "alice"));
        reservations.pipeInput("r2", new CreateReservation("c2", "r2", "w", null, "alice"));
        reservations.pipeInput("r3", new CreateReservation("c3", "r3", "w", null, "bob"));
        assertThat(latest()).containsEntry("alice", new OwnerUsage(2, 0, 1)).containsEntry("bob", new OwnerUsage(1, 0, 0));

        reservations.pipeInput("r1", new SelectResource("c4", "r1", "seat", null, "alice", false, "PT10M"));
        assertThat(latest()).containsEntry("alice", new OwnerUsage(2, 1, 1));

        reservations.pipeInput("r1", new ConfirmHold("c5", "r1", null, "alice", false));
        reservations.pipeInput("r2", new CancelReservation("c6", "r2", null, "alice", false));
        reservations.pipeInput("r3", new CancelReservation("c7", "r3", null, "bob", false));
        final Map<String, OwnerUsage> latest = latest();
        assertThat(latest).containsEntry("alice", new OwnerUsage(0, 0, 1));
        assertThat(latest.get("bob")).as("an owner who keeps nothing: a tombstone").isNull();
        assertThat(latest).containsKey("bob");
    }

    @Test
    void shouldCountARecordOfTheIndexProcessedTwiceOnce() {
        final TestInputTopic<String, byte[]> index = driver.createInputTopic(
                StoresAndTopics.ownerIndexTopic(StoresAndTopics.DEFAULT_APPLICATION_ID),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        final byte[] pending = "{\"id\":\"r9\",\"window_id\":\"w\",\"status\":\"PENDING\",\"owner\":\"carol\"}"
                .getBytes(StandardCharsets.UTF_8);
        final Headers reservation = new RecordHeaders().add(StoresAndTopics.RESERVATION_ID_HEADER, bytes("r9"));
        final Headers window = new RecordHeaders().add(StoresAndTopics.WINDOW_ID_HEADER, bytes("w9"));
        for (int delivery = 0; delivery < 2; delivery++) { // at least once: a replay brings the same records again
            index.pipeInput(new TestRecord<>("carol", pending, reservation, START));
            index.pipeInput(new TestRecord<>("carol", (byte[]) null, window, START));
        }

        assertThat(latest()).containsEntry("carol", new OwnerUsage(1, 0, 1));
    }

    private Map<String, OwnerUsage> latest() {
        return usage.readKeyValuesToMap();
    }

    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
