package io.reservations.processor.shard;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.EntityType;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.dedup.CommandRecord;
import io.reservations.processor.domain.PendingSelection;
import io.reservations.processor.domain.ReservationDecider;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.DriverWindows;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.DeadLetterHeaders;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology on TopologyTestDriver. The driver runs every partition's master in one task, and feeds
 * {@code forward-writes} back into it, so a cross-partition saga runs to its end within one pipe; the forward
 * records it produced stay readable on the output topic.
 */
class ShardMasterTopologyTest {

    private static final int PARTITIONS = 12;
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReservationCommand> reservationCommands;
    private TestInputTopic<String, WindowCommand> windowCommands;
    private TestInputTopic<String, ForwardWrite> forwardWritesIn;
    private TestOutputTopic<String, ForwardWrite> forwardWrites;
    private TestOutputTopic<String, CommandResult> results;
    private TestOutputTopic<String, ReservationEvent> reservationEvents;
    private TestOutputTopic<String, WindowEvent> windowEvents;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, ReservationState> reservations;
    private DriverWindows windows;
    private int commandSequence;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "shard-master-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // the driver puts every record in partition 0, whatever its key
        final ShardMasterOptions options = new ShardMasterOptions(PARTITIONS, Duration.ofHours(24), false, meters);
        driver = new TopologyTestDriver(ShardMasterTopology.build(options), props);

        reservationCommands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        windowCommands = driver.createInputTopic(Topics.WINDOW_COMMANDS.name(), Serdes.String().serializer(),
                Topics.WINDOW_COMMANDS.valueSerde().serializer(), START, Duration.ofMillis(1));
        forwardWritesIn = driver.createInputTopic(Topics.FORWARD_WRITES.name(), Serdes.String().serializer(),
                Topics.FORWARD_WRITES.valueSerde().serializer(), START, Duration.ofMillis(1));
        forwardWrites = driver.createOutputTopic(Topics.FORWARD_WRITES.name(), Serdes.String().deserializer(),
                Topics.FORWARD_WRITES.valueSerde().deserializer());
        results = driver.createOutputTopic(Topics.COMMAND_RESULTS.name(), Serdes.String().deserializer(),
                Topics.COMMAND_RESULTS.valueSerde().deserializer());
        reservationEvents = driver.createOutputTopic(Topics.RESERVATION_EVENTS.name(), Serdes.String().deserializer(),
                Topics.RESERVATION_EVENTS.valueSerde().deserializer());
        windowEvents = driver.createOutputTopic(Topics.WINDOW_EVENTS.name(), Serdes.String().deserializer(),
                Topics.WINDOW_EVENTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        reservations = driver.getKeyValueStore(StoresAndTopics.RESERVATIONS);
        windows = new DriverWindows(driver);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldConfirmInOneStepWithoutForwardWhenBothEntitiesShareAPartition() {
        final String window = idOnPartition("w", 3);
        final String reservation = idOnPartition("r", 3);
        createWindow(window, "seat", "seat");
        createReservation(reservation, window);

        final CommandResult result = select(reservation, "seat");

        assertThat(result).isEqualTo(CommandResult.succeeded(result.commandId(),
                new Reservation(reservation, window, CONFIRMED, new SelectedResource("seat-0", "seat"))));
        assertThat(forwardWrites.readValuesToList()).as("no forward hop").isEmpty();
        assertThat(windows.get(window).resources().get(0).heldBy()).isEqualTo(reservation);
        assertThat(reservationEventTypes()).containsExactly(
                "ReservationCreated", "SelectionStarted", "ResourceSelected");
        assertThat(windowEventTypes()).containsExactly("WindowCreated", "ResourceAllocated");
    }

    @Test
    void shouldCarryTheSelectionAcrossPartitionsAsForwardWrites() {
        final String window = idOnPartition("w", 2);
        final String reservation = idOnPartition("r", 7);
        createWindow(window, "desk", "seat");
        createReservation(reservation, window);

        final CommandResult result = select(reservation, "seat");

        assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(forwardWrites.readKeyValuesToList()).containsExactly(
                KeyValue.pair(window, new ForwardWrite(result.commandId() + "/allocate_resource/" + window,
                        result.commandId(), EntityType.WINDOW, window,
                        Operation.ALLOCATE_RESOURCE, ForwardData.allocate(reservation, window, "seat"), 7)),
                KeyValue.pair(reservation, new ForwardWrite(result.commandId() + "/confirm_selection/" + reservation,
                        result.commandId(), EntityType.RESERVATION, reservation,
                        Operation.CONFIRM_SELECTION, ForwardData.confirm(reservation, window, "seat-1", "seat"), 2)));
        assertThat(reservations.get(reservation).selectedResource()).isEqualTo(new SelectedResource("seat-1", "seat"));
        assertThat(windows.get(window).resources().get(1).heldBy()).isEqualTo(reservation);
        assertThat(meters.get("reservations.forward_writes.latency").tag("operation", "ALLOCATE_RESOURCE").timer().count())
                .isEqualTo(1);
        assertThat(meters.get("reservations.forward_writes.latency").tag("operation", "CONFIRM_SELECTION").timer().count())
                .isEqualTo(1);
        assertThat(meters.get("reservations.select_resource.outcomes").tag("code", "succeeded").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("reservations.selections.in_flight").gauge().value()).isZero();
    }

    @Test
    void shouldRejectSelectionWhenNoResourceOfThatTypeIsAvailable() {
        final String window = idOnPartition("w", 1);
        final String reservation = idOnPartition("r", 5);
        createWindow(window, "desk");
        createReservation(reservation, window);

        final CommandResult result = select(reservation, "seat");

        assertThat(result).isEqualTo(CommandResult.rejected(result.commandId(), ErrorCode.NO_RESOURCE_AVAILABLE.slug()));
        assertThat(reservations.get(reservation).status()).isEqualTo(PENDING);
        assertThat(windows.get(window).resources()).allMatch(Slot::available);
    }

    @Test
    void shouldRejectSelectionWhenTheWindowIsMissing() {
        final String reservation = idOnPartition("r", 5);
        createReservation(reservation, "no-such-window");

        final CommandResult result = select(reservation, "seat");

        assertThat(result).isEqualTo(CommandResult.rejected(result.commandId(), ErrorCode.WINDOW_NOT_FOUND.slug()));
        assertThat(reservations.get(reservation).status()).isEqualTo(PENDING);
    }

    @Test
    void shouldRejectSelectionWhenTheReservationIsMissing() {
        final CommandResult result = select("no-such-reservation", "seat");

        assertThat(result).isEqualTo(CommandResult.rejected(result.commandId(), ErrorCode.RESERVATION_NOT_FOUND.slug()));
        assertThat(forwardWrites.isEmpty()).isTrue();
        assertThat(reservationEvents.isEmpty()).isTrue();
    }

    @Test
    void shouldAnswerARepeatedCommandIdWithItsOriginalResultAndNoSecondEffect() {
        final String window = idOnPartition("w", 4);
        final String reservation = idOnPartition("r", 9);
        final CreateWindow create = new CreateWindow("create-once", window, List.of(new ResourceSpec("seat-0", "seat")));
        windowCommands.pipeInput(window, create);
        windowCommands.pipeInput(window, create);
        createReservation(reservation, window);
        final SelectResource selectOnce = new SelectResource("select-once", reservation, "seat");
        reservationCommands.pipeInput(reservation, selectOnce);
        reservationCommands.pipeInput(reservation, selectOnce);

        final List<CommandResult> all = results.readValuesToList();
        assertThat(all).filteredOn(r -> r.commandId().equals("create-once")).hasSize(2)
                .allMatch(r -> r.status() == CommandStatus.SUCCEEDED).containsOnly(all.get(0));
        assertThat(all).filteredOn(r -> r.commandId().equals("select-once")).hasSize(2)
                .allMatch(r -> r.status() == CommandStatus.SUCCEEDED);
        assertThat(windowEventTypes()).containsExactly("WindowCreated", "ResourceAllocated");
        assertThat(reservationEventTypes()).containsExactly("ReservationCreated", "SelectionStarted", "ResourceSelected");
    }

    @Test
    void shouldAnswerAReusedCommandIdWithTheOriginalRequestsResultAndDigest() {
        final String first = idOnPartition("r", 2);
        reservationCommands.pipeInput(first, new CreateReservation("key-1", first, "w", "digest-a", null));
        reservationCommands.pipeInput(first, new CreateReservation("key-1", first, "w-changed", "digest-b", null));

        final List<CommandResult> answers = results.readValuesToList();
        assertThat(answers).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.requestHash()).as("digest of the request that took effect").isEqualTo("digest-a");
            assertThat(answer.entity()).isEqualTo(new Reservation(first, "w", PENDING, null));
        });
        assertThat(reservations.get(first).windowId()).isEqualTo("w");
    }

    @Test
    void shouldRejectSelectionWhileAnotherSelectionIsInFlight() {
        final String window = idOnPartition("w", 6);
        final String reservation = idOnPartition("r", 8);
        createWindow(window, "seat", "seat");
        // between steps 2 and 4: the reservation waits for the window's answer to command "first"
        reservations.put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("first", "seat")));

        final CommandResult second = select(reservation, "seat");

        assertThat(second).isEqualTo(CommandResult.rejected(second.commandId(), ErrorCode.SELECTION_IN_PROGRESS.slug()));
        assertThat(forwardWrites.isEmpty()).as("no second allocation").isTrue();

        forwardWritesIn.pipeInput(reservation, ForwardWrite.of("first", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 6));
        assertThat(results.readValue()).isEqualTo(CommandResult.succeeded("first",
                new Reservation(reservation, window, CONFIRMED, new SelectedResource("seat-0", "seat"))));
    }

    @Test
    void shouldIgnoreARepeatOfTheSelectionInFlightAndAnswerWithTheDigestItsStateRemembers() {
        final String window = idOnPartition("w", 6);
        final String reservation = idOnPartition("r", 8);
        createWindow(window, "seat");
        results.readValuesToList(); // the window's
        // between steps 2 and 4, as this build stores it: the state remembers the request, no de-duplication entry
        reservations.put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("first", "seat", null, null, "digest-a", "alice", START.toEpochMilli())));

        reservationCommands.pipeInput(reservation, new SelectResource("first", reservation, "seat", "digest-b", "alice",
                false));
        assertThat(results.isEmpty()).as("no answer before the window's").isTrue();
        assertThat(forwardWrites.isEmpty()).as("no second allocation").isTrue();

        forwardWritesIn.pipeInput(reservation, ForwardWrite.of("first", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 6));
        reservationCommands.pipeInput(reservation, new SelectResource("first", reservation, "seat", "digest-b", "alice",
                false));

        assertThat(results.readValuesToList()).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(CommandStatus.SUCCEEDED);
            assertThat(answer.requestHash()).as("the request that took effect").isEqualTo("digest-a");
            assertThat(answer.requestedBy()).isEqualTo("alice");
        });
        assertThat(reservationEventTypes()).containsExactly("ResourceSelected");
    }

    @Test
    void shouldFinishASelectionAcceptedByAnEarlierBuildWithTheDigestItsDeDuplicationEntryKept() {
        final String window = idOnPartition("w", 6);
        final String reservation = idOnPartition("r", 8);
        createWindow(window, "seat");
        results.readValuesToList(); // the window's
        // as earlier builds stored a selection in flight: an accepted entry without result, nothing in the state
        reservations.put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("first", "seat")));
        final WindowStore<String, CommandRecord> processed = driver.getWindowStore(StoresAndTopics.PROCESSED_COMMANDS);
        processed.put("first", new CommandRecord(START.toEpochMilli(), "digest-a", null, "alice"), START.toEpochMilli());

        reservationCommands.pipeInput(reservation, new SelectResource("first", reservation, "seat", "digest-b", "alice",
                false));
        forwardWritesIn.pipeInput(reservation, ForwardWrite.of("first", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 6));

        assertThat(results.readValuesToList()).singleElement().satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(CommandStatus.SUCCEEDED);
            assertThat(answer.requestHash()).isEqualTo("digest-a");
        });
    }

    @Test
    void shouldFreeTheResourceForTheNextSelectionWhenAConfirmedReservationIsCancelled() {
        final String window = idOnPartition("w", 0);
        final String first = idOnPartition("r", 10);
        final String second = idOnPartition("r", 11);
        createWindow(window, "seat");
        createReservation(first, window);
        createReservation(second, window);
        assertThat(select(first, "seat").status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(select(second, "seat").code()).isEqualTo(ErrorCode.NO_RESOURCE_AVAILABLE.slug());

        final CommandResult cancelled = cancel(first);

        assertThat(cancelled).isEqualTo(CommandResult.succeeded(cancelled.commandId(),
                new Reservation(first, window, CANCELLED, null)));
        assertThat(windows.get(window).resources().get(0).available()).isTrue();
        assertThat(forwardWrites.readValuesToList()).filteredOn(w -> w.operation() == Operation.RELEASE_RESOURCE)
                .singleElement().satisfies(release -> assertThat(release.data().result()).isEqualTo(cancelled));
        final CommandResult retried = select(second, "seat");
        assertThat(retried.entity()).isEqualTo(new Reservation(second, window, CONFIRMED,
                new SelectedResource("seat-0", "seat")));
    }

    @Test
    void shouldCompensateWhenTheReservationIsCancelledWhileSelecting() {
        final String window = idOnPartition("w", 1);
        final String reservation = idOnPartition("r", 4);
        // the window's step 3 is done (resource held), its confirmation has not reached the reservation yet; the
        // window is stored whole, as before the indexed layout, and migrated when the release reaches it
        reservations.put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("in-flight", "seat")));
        windows.putWhole(new WindowState(window, List.of(new Slot("seat-0", "seat", reservation))));

        final CommandResult cancelled = cancel(reservation);
        forwardWritesIn.pipeInput(reservation, ForwardWrite.of("in-flight", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 1));

        assertThat(cancelled.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(results.readValue()).isEqualTo(
                CommandResult.rejected("in-flight", ErrorCode.RESERVATION_CANCELLED.slug()));
        assertThat(reservations.get(reservation)).isEqualTo(
                new ReservationState(reservation, window, CANCELLED, null, null));
        assertThat(windows.get(window).resources().get(0).available()).as("released by compensation").isTrue();
        assertThat(windowEvents.readValuesToList()).last().isInstanceOf(ResourceReleased.class);
        assertThat(meters.get("reservations.compensations").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldConfirmExactlyTenOfFiftyReservationsRacingForTenResources() {
        final String window = idOnPartition("w", 5);
        createWindow(window, IntStream.range(0, 10).mapToObj(i -> "seat").toArray(String[]::new));
        final List<String> racers = IntStream.range(0, 50).mapToObj(i -> "racer-" + i).toList();
        racers.forEach(id -> createReservation(id, window));
        results.readValuesToList();

        racers.forEach(id -> reservationCommands.pipeInput(id, new SelectResource("select-" + id, id, "seat")));

        final List<CommandResult> outcomes = results.readValuesToList();
        assertThat(outcomes).hasSize(50);
        assertThat(outcomes).filteredOn(r -> r.status() == CommandStatus.SUCCEEDED).hasSize(10);
        assertThat(outcomes).filteredOn(r -> ErrorCode.NO_RESOURCE_AVAILABLE.slug().equals(r.code())).hasSize(40);
        assertThat(meters.get("reservations.select_resource.outcomes").tag("code", ErrorCode.NO_RESOURCE_AVAILABLE.slug())
                .counter().count()).isEqualTo(40.0);
        final Map<String, String> holders = new HashMap<>();
        windows.get(window).resources().forEach(slot -> holders.put(slot.id(), slot.heldBy()));
        assertThat(holders.values()).doesNotContainNull().doesNotHaveDuplicates();
        for (final String holder : holders.values()) {
            final ReservationState state = reservations.get(holder);
            assertThat(state.status()).isEqualTo(CONFIRMED);
            assertThat(holders.get(state.selectedResource().id())).isEqualTo(holder);
        }
        assertThat(windowEvents.readValuesToList()).filteredOn(e -> e instanceof ResourceAllocated).hasSize(10);
    }

    @Test
    void shouldDeadLetterPoisonRecordsAndKeepProcessingThePartition() {
        final TestInputTopic<String, byte[]> rawCommands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), START, Duration.ofMillis(1));
        final List<String> poisons = List.of(
                "not json at all",
                "{\"type\":\"DropTable\",\"command_id\":\"c\",\"reservation_id\":\"r-1\"}",
                "{\"type\":\"CreateReservation\",\"command_id\":\"c\",\"reservation_id\":\"r-1\",\"window_id\":\"bad id!\"}",
                "{\"type\":\"CreateReservation\",\"command_id\":\"c\",\"reservation_id\":\"someone-else\",\"window_id\":\"w\"}");
        poisons.forEach(poison -> rawCommands.pipeInput("r-1", poison.getBytes(StandardCharsets.UTF_8)));
        rawCommands.pipeInput((String) null, "{}".getBytes(StandardCharsets.UTF_8));

        createReservation("r-1", "w");

        final List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(5);
        assertThat(dead.get(0).value()).isEqualTo(poisons.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.TOPIC)).isEqualTo("reservation.commands");
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(dead.stream().map(r -> header(r.headers(), DeadLetterHeaders.OFFSET)).toList())
                .containsExactly("0", "1", "2", "3", "4");
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.ERROR)).contains("DropTable");
        assertThat(header(dead.get(2).headers(), DeadLetterHeaders.ERROR)).contains("window_id");
        assertThat(header(dead.get(3).headers(), DeadLetterHeaders.ERROR)).contains("is not the entity id");
        assertThat(header(dead.get(4).headers(), DeadLetterHeaders.ERROR)).contains("no key");
        assertThat(results.readValuesToList()).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED));
        assertThat(reservations.get("r-1").status()).isEqualTo(PENDING);
        assertThat(meters.get("reservations.dead_letters").tag("topic", "reservation.commands").counter().count())
                .isEqualTo(5.0);
    }

    @Test
    void shouldRebuildFromTheEventTopicsExactlyTheStateInTheStores() {
        final List<String> windowIds = IntStream.range(0, 4).mapToObj(i -> "window-" + i).toList();
        windowIds.forEach(id -> createWindow(id, "seat", "seat", "desk"));
        for (int i = 0; i < 30; i++) {
            final String id = "res-" + i;
            createReservation(id, windowIds.get(i % windowIds.size()));
            select(id, i % 3 == 0 ? "desk" : "seat");
            if (i % 4 == 0) {
                cancel(id);
            }
        }

        final Map<String, ReservationState> foldedReservations = new LinkedHashMap<>();
        for (final KeyValue<String, ReservationEvent> event : reservationEvents.readKeyValuesToList()) {
            foldedReservations.put(event.key, ReservationDecider.evolve(foldedReservations.get(event.key), event.value));
        }
        final Map<String, WindowState> foldedWindows = new LinkedHashMap<>();
        for (final KeyValue<String, WindowEvent> event : windowEvents.readKeyValuesToList()) {
            foldedWindows.put(event.key, WindowDecider.evolve(foldedWindows.get(event.key), event.value));
        }

        assertThat(foldedReservations).hasSize(30).isEqualTo(contents(reservations));
        assertThat(foldedWindows).hasSize(4).isEqualTo(windows.contents());
        assertThat(foldedReservations.values()).anyMatch(r -> r.status() == CONFIRMED)
                .anyMatch(r -> r.status() == CANCELLED).anyMatch(r -> r.status() == PENDING);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String idOnPartition(final String prefix, final int partition) {
        return PartitionedIds.onPartition(prefix, partition, PARTITIONS);
    }

    private void createWindow(final String id, final String... types) {
        final List<ResourceSpec> resources = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            resources.add(new ResourceSpec(types[i] + "-" + i, types[i]));
        }
        windowCommands.pipeInput(id, new CreateWindow(nextCommandId(), id, resources));
    }

    private void createReservation(final String id, final String windowId) {
        reservationCommands.pipeInput(id, new CreateReservation(nextCommandId(), id, windowId));
    }

    private CommandResult select(final String reservationId, final String type) {
        final String commandId = nextCommandId();
        reservationCommands.pipeInput(reservationId, new SelectResource(commandId, reservationId, type));
        return resultOf(commandId);
    }

    private CommandResult cancel(final String reservationId) {
        final String commandId = nextCommandId();
        reservationCommands.pipeInput(reservationId, new CancelReservation(commandId, reservationId));
        return resultOf(commandId);
    }

    private CommandResult resultOf(final String commandId) {
        final Predicate<CommandResult> mine = result -> result.commandId().equals(commandId);
        final List<CommandResult> matching = results.readValuesToList().stream().filter(mine).toList();
        assertThat(matching).as("exactly one result for %s", commandId).hasSize(1);
        return matching.get(0);
    }

    private String nextCommandId() {
        return "cmd-" + commandSequence++;
    }

    private List<String> reservationEventTypes() {
        return reservationEvents.readValuesToList().stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    private List<String> windowEventTypes() {
        return windowEvents.readValuesToList().stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    private static String header(final Headers headers, final String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static <V> Map<String, V> contents(final KeyValueStore<String, V> store) {
        final Map<String, V> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> iterator = store.all()) {
            iterator.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }
}
