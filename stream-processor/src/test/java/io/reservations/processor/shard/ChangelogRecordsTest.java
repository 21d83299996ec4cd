package io.reservations.processor.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowCommand;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.readmodels.ReadModelTopology;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one select-resource saga writes to the stores' changelogs: every record here is also a broker write and,
 * in a transaction, a partition to mark at commit, so the count is the saga's cost. The driver commits after every
 * record it processes (a forward write looped back is a record of its own), as a master does between the steps of
 * a cross-partition saga.
 */
class ChangelogRecordsTest {

    private static final String APPLICATION_ID = "changelog-records-test";
    private static final int PARTITIONS = 12;
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReservationCommand> reservationCommands;
    private TestInputTopic<String, WindowCommand> windowCommands;
    private TestOutputTopic<String, CommandResult> results;
    private int commandSequence;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        final ShardMasterOptions options = new ShardMasterOptions(PARTITIONS, Duration.ofHours(24), false,
                new SimpleMeterRegistry());
        driver = new TopologyTestDriver(ShardMasterTopology.build(options, APPLICATION_ID), props, START);
        reservationCommands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        windowCommands = driver.createInputTopic(Topics.WINDOW_COMMANDS.name(), Serdes.String().serializer(),
                Topics.WINDOW_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        results = driver.createOutputTopic(Topics.COMMAND_RESULTS.name(), Serdes.String().deserializer(),
                Topics.COMMAND_RESULTS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldWriteOneRecordPerChangeToEachStoreOfACrossPartitionSaga() {
        final String reservation = readyToSelect(3, 8);

        final Map<String, Integer> written = changelogRecordsOf(() -> select(reservation));

        // reservation: SELECTING (remembering the request, and the deadline that is otherwise kept in memory only),
        // then CONFIRMED; de-duplication: the result; window: the slot, its holder, its free block, its version (the
        // change streams' cut). The owner
        // index's changelog is the read models' (ReadModelTopology), outside the saga's transactions
        assertThat(written).isEqualTo(Map.of(StoresAndTopics.RESERVATIONS, 2,
                StoresAndTopics.PROCESSED_COMMANDS, 1, StoresAndTopics.WINDOW_INDEX, 4));
    }

    @Test
    void shouldWriteTheSameRecordsWhenTheSagaRunsInOneStep() {
        final String reservation = readyToSelect(3, 3);

        final Map<String, Integer> written = changelogRecordsOf(() -> select(reservation));

        // one step, one commit: the reservation is written twice (SELECTING, then CONFIRMED: its store is not
        // cached), the window's index is cached
        assertThat(written).isEqualTo(Map.of(StoresAndTopics.RESERVATIONS, 2,
                StoresAndTopics.PROCESSED_COMMANDS, 1, StoresAndTopics.WINDOW_INDEX, 4));
    }

    /** A window of one seat on one partition, a reservation for it on another (or the same); the reservation's id. */
    private String readyToSelect(final int reservationPartition, final int windowPartition) {
        final String window = PartitionedIds.onPartition("w", windowPartition, PARTITIONS);
        final String reservation = PartitionedIds.onPartition("r", reservationPartition, PARTITIONS);
        windowCommands.pipeInput(window, new CreateWindow(nextCommandId(), window, List.of(new ResourceSpec("s1", "seat"))));
        reservationCommands.pipeInput(reservation, new CreateReservation(nextCommandId(), reservation, window));
        return reservation;
    }

    private void select(final String reservation) {
        final String commandId = nextCommandId();
        reservationCommands.pipeInput(reservation, new SelectResource(commandId, reservation, "seat"));
        assertThat(results.readValuesToList()).filteredOn(result -> result.commandId().equals(commandId))
                .singleElement().satisfies(result -> assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED));
    }

    /** The records {@code step} added to each store's changelog, by store. */
    private Map<String, Integer> changelogRecordsOf(final Runnable step) {
        drainChangelogs(); // what came before
        step.run();
        return drainChangelogs();
    }

    /** The records waiting in each store's changelog, by store; read, so gone. */
    private Map<String, Integer> drainChangelogs() {
        final Map<String, Integer> waiting = new TreeMap<>();
        driver.producedTopicNames().stream().filter(topic -> topic.endsWith("-changelog")).forEach(topic -> {
            final int records = driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer()).readRecordsToList().size();
            if (records > 0) {
                waiting.put(topic.substring(APPLICATION_ID.length() + 1, topic.length() - "-changelog".length()), records);
            }
        });
        return waiting;
    }

    private String nextCommandId() {
        return "cmd-" + commandSequence++;
    }
}
