package io.reservations.processor.timers;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.EXPIRED;
import static io.reservations.contract.ReservationStatus.HELD;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.shard.PartitionedIds;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.shard.ShardMasterTopology;
import io.reservations.processor.store.DriverWindows;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.Topics;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds and selection deadlines on TopologyTestDriver, whose wall clock starts with the records' time and moves only when a test moves it:
 * the timers fire from it, the confirms decide from their record time. Each case runs with the window on the
 * reservation's partition (the fast path) and on another one.
 */
class SagaTimersTopologyTest {

    private static final int PARTITIONS = 12;
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration HOLD = Duration.ofSeconds(10);

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReservationCommand> reservationCommands;
    private TestInputTopic<String, WindowCommand> windowCommands;
    private TestOutputTopic<String, CommandResult> results;
    private TestOutputTopic<String, ReservationEvent> reservationEvents;
    private TestOutputTopic<String, WindowEvent> windowEvents;
    private KeyValueStore<String, ReservationState> reservations;
    private KeyValueStore<String, SagaTimer> timers;
    private DriverWindows windows;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String reservation;
    private String window;
    private int commandSequence;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "saga-timers-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        final ShardMasterOptions options = new ShardMasterOptions(PARTITIONS, Duration.ofHours(24), false, meters);
        driver = new TopologyTestDriver(ShardMasterTopology.build(options), props, START);
        reservationCommands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ZERO);
        windowCommands = driver.createInputTopic(Topics.WINDOW_COMMANDS.name(), Serdes.String().serializer(),
                Topics.WINDOW_COMMANDS.valueSerde().serializer(), START, Duration.ZERO);
        results = driver.createOutputTopic(Topics.COMMAND_RESULTS.name(), Serdes.String().deserializer(),
                Topics.COMMAND_RESULTS.valueSerde().deserializer());
        reservationEvents = driver.createOutputTopic(Topics.RESERVATION_EVENTS.name(), Serdes.String().deserializer(),
                Topics.RESERVATION_EVENTS.valueSerde().deserializer());
        windowEvents = driver.createOutputTopic(Topics.WINDOW_EVENTS.name(), Serdes.String().deserializer(),
                Topics.WINDOW_EVENTS.valueSerde().deserializer());
        reservations = driver.getKeyValueStore(StoresAndTopics.RESERVATIONS);
        timers = driver.getKeyValueStore(StoresAndTopics.TIMERS);
        windows = new DriverWindows(driver);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldReleaseTheResourceWhenTheHoldRunsOutAndExpireItOnce(final int windowPartition) {
        holdASeat(windowPartition);

        driver.advanceWallClockTime(HOLD.minusMillis(500));
        assertThat(reservations.get(reservation).status()).as("before the due time").isEqualTo(HELD);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(reservations.get(reservation).status()).isEqualTo(EXPIRED);
        assertThat(windows.get(window).resources().get(0).available()).as("released in the window").isTrue();
        assertThat(eventTypes(reservationEvents)).containsExactly("ReservationCreated", "SelectionStarted",
                "ResourceHeld", "HoldExpired");
        assertThat(eventTypes(windowEvents)).containsExactly("WindowCreated", "ResourceAllocated", "ResourceReleased");
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(reservationEvents.isEmpty()).as("the timer fires once").isTrue();
        assertThat(meters.get("reservations.holds.expired").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("reservations.holds.active").gauge().value()).isZero();
        final CommandResult late = send(new ConfirmHold(nextCommandId(), reservation), START.plus(HOLD).plusSeconds(1));
        assertThat(late.code()).isEqualTo(ErrorCode.HOLD_EXPIRED.slug());
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldConfirmJustBeforeTheDueTimeAndKeepTheResource(final int windowPartition) {
        holdASeat(windowPartition);

        final CommandResult confirmed = send(new ConfirmHold(nextCommandId(), reservation), START.plus(HOLD).minusMillis(1));
        driver.advanceWallClockTime(HOLD.plusSeconds(5));

        assertThat(confirmed.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(reservations.get(reservation).status()).isEqualTo(CONFIRMED);
        assertThat(windows.get(window).resources().get(0).heldBy()).isEqualTo(reservation);
        assertThat(eventTypes(reservationEvents)).containsExactly("ReservationCreated", "SelectionStarted",
                "ResourceHeld", "HoldConfirmed");
        assertThat(send(new ConfirmHold(nextCommandId(), reservation), START.plus(HOLD).plusSeconds(6)).status())
                .as("a repeated confirm").isEqualTo(CommandStatus.SUCCEEDED);
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldExpireTheHoldForAConfirmSentJustAfterTheDueTimeBeforeTheTimerFires(final int windowPartition) {
        holdASeat(windowPartition);

        final CommandResult late = send(new ConfirmHold(nextCommandId(), reservation), START.plus(HOLD));

        assertThat(late.code()).isEqualTo(ErrorCode.HOLD_EXPIRED.slug());
        assertThat(reservations.get(reservation).status()).isEqualTo(EXPIRED);
        assertThat(windows.get(window).resources().get(0).available()).isTrue();
        driver.advanceWallClockTime(HOLD.plusSeconds(5));
        assertThat(eventTypes(reservationEvents)).as("expired once, by the confirm").containsExactly(
                "ReservationCreated", "SelectionStarted", "ResourceHeld", "HoldExpired");
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldStopTheTimerWhenAHoldIsCancelled(final int windowPartition) {
        holdASeat(windowPartition);

        final CommandResult cancelled = send(new CancelReservation(nextCommandId(), reservation), START.plusSeconds(1));
        driver.advanceWallClockTime(HOLD.plusSeconds(5));

        assertThat(cancelled.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(reservations.get(reservation).status()).isEqualTo(CANCELLED);
        assertThat(windows.get(window).resources().get(0).available()).isTrue();
        assertThat(eventTypes(reservationEvents)).doesNotContain("HoldExpired");
        assertThat(meters.get("reservations.holds.active").gauge().value()).isZero();
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldLeaveNoDeadlineBehindASelectionThatEnded(final int windowPartition) {
        window = idOnPartition("w", windowPartition);
        reservation = idOnPartition("r", 3);
        windowCommands.pipeInput(window, new CreateWindow(nextCommandId(), window, List.of(new ResourceSpec("s1", "seat"))));
        reservationCommands.pipeInput(reservation, new CreateReservation(nextCommandId(), reservation, window));

        assertThat(send(new SelectResource(nextCommandId(), reservation, "seat"), START).status())
                .isEqualTo(CommandStatus.SUCCEEDED);
        driver.advanceWallClockTime(ShardMasterOptions.DEFAULT_SELECTION_TIMEOUT.plusSeconds(1));

        assertThat(timers.approximateNumEntries()).isZero();
        assertThat(meters.get("reservations.sagas.oldest_open.age").timeGauge().value()).as("no saga open").isZero();
        assertThat(reservations.get(reservation).status()).isEqualTo(CONFIRMED);
        assertThat(eventTypes(reservationEvents)).doesNotContain("SelectionRejected");
    }

    /** A window of one seat and a reservation on partition 3 holding it for {@link #HOLD}, all at {@link #START}. */
    private void holdASeat(final int windowPartition) {
        window = idOnPartition("w", windowPartition);
        reservation = idOnPartition("r", 3);
        windowCommands.pipeInput(window, new CreateWindow(nextCommandId(), window, List.of(new ResourceSpec("s1", "seat"))));
        reservationCommands.pipeInput(reservation, new CreateReservation(nextCommandId(), reservation, window));
        final CommandResult held = send(new SelectResource(nextCommandId(), reservation, "seat", null, null, true,
                HOLD.toString()), START);
        assertThat(held.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(reservations.get(reservation).status()).isEqualTo(HELD);
        assertThat(reservations.get(reservation).holdExpiresAt()).isEqualTo(START.plus(HOLD));
        assertThat(meters.get("reservations.holds.active").gauge().value()).isEqualTo(1.0);
    }

    private CommandResult send(final ReservationCommand command, final Instant recordTime) {
        reservationCommands.pipeInput(command.reservationId(), command, recordTime);
        return results.readValuesToList().stream().filter(result -> result.commandId().equals(command.commandId()))
                .findFirst().orElseThrow();
    }

    private static String idOnPartition(final String prefix, final int partition) {
        return PartitionedIds.onPartition(prefix, partition, PARTITIONS);
    }

    private String nextCommandId() {
        return "cmd-" + commandSequence++;
    }

    private static List<String> eventTypes(final TestOutputTopic<String, ?> topic) {
        return topic.readValuesToList().stream().map(event -> event.getClass().getSimpleName()).toList();
    }
}
