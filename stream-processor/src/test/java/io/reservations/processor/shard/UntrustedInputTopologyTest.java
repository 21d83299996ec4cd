package io.reservations.processor.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.DeadLetterHeaders;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records that break the contract, written around the API (any client with write access to the topics can), and
 * steps that throw: each is rejected or dead-lettered where it enters, and the partition goes on. Before, each of
 * these failed the stream thread, whose replacement took the same record again, for ever.
 */
class UntrustedInputTopologyTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReservationCommand> reservationCommands;
    private TestInputTopic<String, ForwardWrite> forwardWrites;
    private TestOutputTopic<String, CommandResult> results;
    private TestOutputTopic<String, WindowEvent> windowEvents;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, ReservationState> reservations;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "untrusted-input-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(ShardMasterTopology.build(
                new ShardMasterOptions(12, Duration.ofHours(24), false, new SimpleMeterRegistry())), props);
        reservationCommands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        forwardWrites = driver.createInputTopic(Topics.FORWARD_WRITES.name(), Serdes.String().serializer(),
                Topics.FORWARD_WRITES.valueSerde().serializer(), START, Duration.ofMillis(1));
        results = driver.createOutputTopic(Topics.COMMAND_RESULTS.name(), Serdes.String().deserializer(),
                Topics.COMMAND_RESULTS.valueSerde().deserializer());
        windowEvents = driver.createOutputTopic(Topics.WINDOW_EVENTS.name(), Serdes.String().deserializer(),
                Topics.WINDOW_EVENTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        reservations = driver.getKeyValueStore(StoresAndTopics.RESERVATIONS);
        final TestInputTopic<String, WindowCommand> windowCommands = driver.createInputTopic(
                Topics.WINDOW_COMMANDS.name(), Serdes.String().serializer(),
                Topics.WINDOW_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        windowCommands.pipeInput("w", new CreateWindow("create-w", "w",
                List.of(new ResourceSpec("seat-0", "seat"), new ResourceSpec("seat-1", "seat"))));
        reservationCommands.pipeInput("r1", new CreateReservation("create-r1", "r1", "w"));
        reservationCommands.pipeInput("r2", new CreateReservation("create-r2", "r2", "w"));
        results.readValuesToList();
        windowEvents.readValuesToList();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldRejectHoldsOutOfBoundsBeforeTheWindowAllocatesAndKeepThePartitionGoing() {
        for (final String holdFor : List.of("PXYZ", "P999999999999D", "-PT1S")) {
            reservationCommands.pipeInput("r1", new SelectResource("hold-" + holdFor, "r1", "seat", null, null, true, holdFor));
        }

        assertThat(results.readValuesToList()).extracting(CommandResult::status, CommandResult::code).containsOnly(
                org.assertj.core.groups.Tuple.tuple(CommandStatus.REJECTED, ErrorCode.INVALID.slug())).hasSize(3);
        assertThat(windowEvents.isEmpty()).as("nothing allocated").isTrue();
        assertThat(reservations.get("r1").status()).isEqualTo(ReservationStatus.PENDING);
        reservationCommands.pipeInput("r2", new SelectResource("select-r2", "r2", "seat"));
        assertThat(results.readValuesToList()).singleElement().satisfies(result ->
                assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED));
    }

    @Test
    void shouldDeadLetterACommandWhoseStepThrowsAndAnswerItAsInvalid() {
        // a state no build writes (CONFIRMED without its resource): deciding on it throws
        reservations.put("r1", new ReservationState("r1", "w", ReservationStatus.CONFIRMED, null, null));

        reservationCommands.pipeInput("r1", new SelectResource("select-r1", "r1", "seat"));
        reservationCommands.pipeInput("r2", new SelectResource("select-r2", "r2", "seat"));

        final List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("r1");
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("select-r1");
            assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(NullPointerException.class.getName());
        });
        assertThat(results.readValuesToList()).extracting(CommandResult::commandId, CommandResult::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("select-r1", ErrorCode.INVALID.slug()),
                        org.assertj.core.groups.Tuple.tuple("select-r2", null));
    }

    @Test
    void shouldCompensateAConfirmationWhoseStepThrowsSoTheWindowGetsItsResourceBack() {
        reservations.put("r1", new ReservationState("r1", "w", ReservationStatus.CONFIRMED, null, null));

        // the window allocates and answers; the answer's step throws on the reservation's side
        forwardWrites.pipeInput("w", ForwardWrite.of("c1", Operation.ALLOCATE_RESOURCE,
                ForwardData.allocate("r1", "w", "seat"), 0));

        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(letter ->
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("CONFIRM_SELECTION"));
        final List<WindowEvent> events = windowEvents.readValuesToList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(ResourceReleased.class,
                released -> assertThat(released.resourceId()).isEqualTo("seat-0"));
        reservationCommands.pipeInput("r2", new SelectResource("select-r2", "r2", "seat"));
        assertThat(results.readValuesToList()).last().satisfies(result ->
                assertThat(result.entity().toString()).contains("seat-0"));
    }

    private static String header(final TestRecord<String, byte[]> record, final String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
