package io.reservations.processor.shard;

import static io.reservations.processor.shard.ShardMasterDriver.onPartition;
import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.dedup.CommandRecord;
import io.reservations.processor.domain.PendingSelection;
import io.reservations.processor.domain.ReservationDecider;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.StoresAndTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology on TopologyTestDriver. The driver runs every partition's master in one task, and feeds
 * {@code forward-writes} back into it, so a cross-partition saga runs to its end within one pipe; the forward
 * records it produced stay readable on the output topic.
 */
class ShardMasterTopologyTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ShardMasterDriver masters;

    @BeforeEach
    void startDriver() {
        masters = new ShardMasterDriver(START, Duration.ofMillis(1), meters);
    }

    @AfterEach
    void closeDriver() {
        masters.close();
    }

    @Test
    void shouldConfirmInOneStepWithoutForwardWhenBothEntitiesShareAPartition() {
        final String window = onPartition("w", 3);
        final String reservation = onPartition("r", 3);
        masters.createWindow(window, "seat", "seat");
        masters.createReservation(reservation, window);

        final CommandResult result = masters.select(reservation, "seat");

        assertThat(result).isEqualTo(CommandResult.succeeded(result.commandId(),
                new Reservation(reservation, window, CONFIRMED, new SelectedResource("seat-0", "seat"))));
        assertThat(masters.forwardWrites().readValuesToList()).as("no forward hop").isEmpty();
        assertThat(masters.windows().get(window).resources().get(0).heldBy()).isEqualTo(reservation);
        assertThat(masters.reservationEventTypes()).containsExactly(
                "ReservationCreated", "SelectionStarted", "ResourceSelected");
        assertThat(masters.windowEventTypes()).containsExactly("WindowCreated", "ResourceAllocated");
    }

    @Test
    void shouldCarryTheSelectionAcrossPartitionsAsForwardWrites() {
        final String window = onPartition("w", 2);
        final String reservation = onPartition("r", 7);
        masters.createWindow(window, "desk", "seat");
        masters.createReservation(reservation, window);

        final CommandResult result = masters.select(reservation, "seat");

        assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(masters.forwardWrites().readKeyValuesToList()).containsExactly(
                KeyValue.pair(window, new ForwardWrite(result.commandId() + "/allocate_resource/" + window,
                        result.commandId(), EntityType.WINDOW, window,
                        Operation.ALLOCATE_RESOURCE, ForwardData.allocate(reservation, window, "seat"), 7)),
                KeyValue.pair(reservation, new ForwardWrite(result.commandId() + "/confirm_selection/" + reservation,
                        result.commandId(), EntityType.RESERVATION, reservation,
                        Operation.CONFIRM_SELECTION, ForwardData.confirm(reservation, window, "seat-1", "seat"), 2)));
        assertThat(masters.reservations().get(reservation).selectedResource()).isEqualTo(new SelectedResource("seat-1", "seat"));
        assertThat(masters.windows().get(window).resources().get(1).heldBy()).isEqualTo(reservation);
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
        final String window = onPartition("w", 1);
        final String reservation = onPartition("r", 5);
        masters.createWindow(window, "desk");
        masters.createReservation(reservation, window);

        final CommandResult result = masters.select(reservation, "seat");

        assertThat(result).isEqualTo(CommandResult.rejected(result.commandId(), ErrorCode.NO_RESOURCE_AVAILABLE.slug()));
        assertThat(masters.reservations().get(reservation).status()).isEqualTo(PENDING);
        assertThat(masters.windows().get(window).resources()).allMatch(Slot::available);
    }

    @Test
    void shouldRejectSelectionWhenTheWindowIsMissing() {
        final String reservation = onPartition("r", 5);
        masters.createReservation(reservation, "no-such-window");

        final CommandResult result = masters.select(reservation, "seat");

        assertThat(result).isEqualTo(CommandResult.rejected(result.commandId(), ErrorCode.WINDOW_NOT_FOUND.slug()));
        assertThat(masters.reservations().get(reservation).status()).isEqualTo(PENDING);
    }

    @Test
    void shouldRejectSelectionWhenTheReservationIsMissing() {
        final CommandResult result = masters.select("no-such-reservation", "seat");

        assertThat(result).isEqualTo(CommandResult.rejected(result.commandId(), ErrorCode.RESERVATION_NOT_FOUND.slug()));
        assertThat(masters.forwardWrites().isEmpty()).isTrue();
        assertThat(masters.reservationEvents().isEmpty()).isTrue();
    }

    @Test
    void shouldAnswerARepeatedCommandIdWithItsOriginalResultAndNoSecondEffect() {
        final String window = onPartition("w", 4);
        final String reservation = onPartition("r", 9);
        final CreateWindow create = new CreateWindow("create-once", window, List.of(new ResourceSpec("seat-0", "seat")));
        masters.windowCommands().pipeInput(window, create);
        masters.windowCommands().pipeInput(window, create);
        final List<CommandResult> creates = masters.results().readValuesToList();
        masters.createReservation(reservation, window);
        final SelectResource selectOnce = new SelectResource("select-once", reservation, "seat");
        masters.reservationCommands().pipeInput(reservation, selectOnce);
        masters.reservationCommands().pipeInput(reservation, selectOnce);

        assertThat(creates).hasSize(2).allMatch(r -> r.status() == CommandStatus.SUCCEEDED)
                .containsOnly(creates.get(0));
        assertThat(masters.results().readValuesToList()).hasSize(2)
                .allMatch(r -> r.commandId().equals("select-once") && r.status() == CommandStatus.SUCCEEDED);
        assertThat(masters.windowEventTypes()).containsExactly("WindowCreated", "ResourceAllocated");
        assertThat(masters.reservationEventTypes()).containsExactly("ReservationCreated", "SelectionStarted", "ResourceSelected");
    }

    @Test
    void shouldAnswerAReusedCommandIdWithTheOriginalRequestsResultAndDigest() {
        final String first = onPartition("r", 2);
        masters.reservationCommands().pipeInput(first, new CreateReservation("key-1", first, "w", "digest-a", null));
        masters.reservationCommands().pipeInput(first, new CreateReservation("key-1", first, "w-changed", "digest-b", null));

        final List<CommandResult> answers = masters.results().readValuesToList();
        assertThat(answers).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.requestHash()).as("digest of the request that took effect").isEqualTo("digest-a");
            assertThat(answer.entity()).isEqualTo(new Reservation(first, "w", PENDING, null));
        });
        assertThat(masters.reservations().get(first).windowId()).isEqualTo("w");
    }

    @Test
    void shouldRejectSelectionWhileAnotherSelectionIsInFlight() {
        final String window = onPartition("w", 6);
        final String reservation = onPartition("r", 8);
        masters.createWindow(window, "seat", "seat");
        // between steps 2 and 4: the reservation waits for the window's answer to command "first"
        masters.reservations().put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("first", "seat")));

        final CommandResult second = masters.select(reservation, "seat");

        assertThat(second).isEqualTo(CommandResult.rejected(second.commandId(), ErrorCode.SELECTION_IN_PROGRESS.slug()));
        assertThat(masters.forwardWrites().isEmpty()).as("no second allocation").isTrue();

        masters.forwardWritesIn().pipeInput(reservation, ForwardWrite.of("first", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 6));
        assertThat(masters.results().readValue()).isEqualTo(CommandResult.succeeded("first",
                new Reservation(reservation, window, CONFIRMED, new SelectedResource("seat-0", "seat"))));
    }

    @Test
    void shouldIgnoreARepeatOfTheSelectionInFlightAndAnswerWithTheDigestItsStateRemembers() {
        final String window = onPartition("w", 6);
        final String reservation = onPartition("r", 8);
        masters.createWindow(window, "seat");
        // between steps 2 and 4, as this build stores it: the state remembers the request, no de-duplication entry
        masters.reservations().put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("first", "seat", null, null, "digest-a", "alice", START.toEpochMilli())));

        masters.reservationCommands().pipeInput(reservation,
                new SelectResource("first", reservation, "seat", "digest-b", "alice", false));
        assertThat(masters.results().isEmpty()).as("no answer before the window's").isTrue();
        assertThat(masters.forwardWrites().isEmpty()).as("no second allocation").isTrue();

        masters.forwardWritesIn().pipeInput(reservation, ForwardWrite.of("first", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 6));
        masters.reservationCommands().pipeInput(reservation,
                new SelectResource("first", reservation, "seat", "digest-b", "alice", false));

        assertThat(masters.results().readValuesToList()).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(CommandStatus.SUCCEEDED);
            assertThat(answer.requestHash()).as("the request that took effect").isEqualTo("digest-a");
            assertThat(answer.requestedBy()).isEqualTo("alice");
        });
        assertThat(masters.reservationEventTypes()).containsExactly("ResourceSelected");
    }

    @Test
    void shouldFinishASelectionAcceptedByAnEarlierBuildWithTheDigestItsDeDuplicationEntryKept() {
        final String window = onPartition("w", 6);
        final String reservation = onPartition("r", 8);
        masters.createWindow(window, "seat");
        // as earlier builds stored a selection in flight: an accepted entry without result, nothing in the state
        masters.reservations().put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("first", "seat")));
        final WindowStore<String, CommandRecord> processed =
                masters.driver().getWindowStore(StoresAndTopics.PROCESSED_COMMANDS);
        processed.put("first", new CommandRecord(START.toEpochMilli(), "digest-a", null, "alice"), START.toEpochMilli());

        masters.reservationCommands().pipeInput(reservation,
                new SelectResource("first", reservation, "seat", "digest-b", "alice", false));
        masters.forwardWritesIn().pipeInput(reservation, ForwardWrite.of("first", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 6));

        assertThat(masters.results().readValuesToList()).singleElement().satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(CommandStatus.SUCCEEDED);
            assertThat(answer.requestHash()).isEqualTo("digest-a");
        });
    }

    @Test
    void shouldFreeTheResourceForTheNextSelectionWhenAConfirmedReservationIsCancelled() {
        final String window = onPartition("w", 0);
        final String first = onPartition("r", 10);
        final String second = onPartition("r", 11);
        masters.createWindow(window, "seat");
        masters.createReservation(first, window);
        masters.createReservation(second, window);
        assertThat(masters.select(first, "seat").status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(masters.select(second, "seat").code()).isEqualTo(ErrorCode.NO_RESOURCE_AVAILABLE.slug());

        final CommandResult cancelled = masters.cancel(first);

        assertThat(cancelled).isEqualTo(CommandResult.succeeded(cancelled.commandId(),
                new Reservation(first, window, CANCELLED, null)));
        assertThat(masters.windows().get(window).resources().get(0).available()).isTrue();
        assertThat(masters.forwardWrites().readValuesToList()).filteredOn(w -> w.operation() == Operation.RELEASE_RESOURCE)
                .singleElement().satisfies(release -> assertThat(release.data().result()).isEqualTo(cancelled));
        final CommandResult retried = masters.select(second, "seat");
        assertThat(retried.entity()).isEqualTo(new Reservation(second, window, CONFIRMED,
                new SelectedResource("seat-0", "seat")));
    }

    @Test
    void shouldCompensateWhenTheReservationIsCancelledWhileSelecting() {
        final String window = onPartition("w", 1);
        final String reservation = onPartition("r", 4);
        // the window's step 3 is done (resource held), its confirmation has not reached the reservation yet; the
        // window is stored whole, as before the indexed layout, and migrated when the release reaches it
        masters.reservations().put(reservation, new ReservationState(reservation, window, SELECTING, null,
                new PendingSelection("in-flight", "seat")));
        masters.windows().putWhole(new WindowState(window, List.of(new Slot("seat-0", "seat", reservation))));

        final CommandResult cancelled = masters.cancel(reservation);
        masters.forwardWritesIn().pipeInput(reservation, ForwardWrite.of("in-flight", Operation.CONFIRM_SELECTION,
                ForwardData.confirm(reservation, window, "seat-0", "seat"), 1));

        assertThat(cancelled.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(masters.results().readValue()).isEqualTo(
                CommandResult.rejected("in-flight", ErrorCode.RESERVATION_CANCELLED.slug()));
        assertThat(masters.reservations().get(reservation)).isEqualTo(
                new ReservationState(reservation, window, CANCELLED, null, null));
        assertThat(masters.windows().get(window).resources().get(0).available()).as("released by compensation").isTrue();
        assertThat(masters.windowEvents().readValuesToList()).last().isInstanceOf(ResourceReleased.class);
        assertThat(meters.get("reservations.compensations").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldConfirmExactlyTenOfFiftyReservationsRacingForTenResources() {
        final String window = onPartition("w", 5);
        masters.createWindow(window, IntStream.range(0, 10).mapToObj(i -> "seat").toArray(String[]::new));
        final List<String> racers = IntStream.range(0, 50).mapToObj(i -> "racer-" + i).toList();
        racers.forEach(id -> masters.createReservation(id, window));

        racers.forEach(id -> masters.reservationCommands().pipeInput(id, new SelectResource("select-" + id, id, "seat")));

        final List<CommandResult> outcomes = masters.results().readValuesToList();
        assertThat(outcomes).hasSize(50);
        assertThat(outcomes).filteredOn(r -> r.status() == CommandStatus.SUCCEEDED).hasSize(10);
        assertThat(outcomes).filteredOn(r -> ErrorCode.NO_RESOURCE_AVAILABLE.slug().equals(r.code())).hasSize(40);
        assertThat(meters.get("reservations.select_resource.outcomes").tag("code", ErrorCode.NO_RESOURCE_AVAILABLE.slug())
                .counter().count()).isEqualTo(40.0);
        final Map<String, String> holders = new HashMap<>();
        masters.windows().get(window).resources().forEach(slot -> holders.put(slot.id(), slot.heldBy()));
        assertThat(holders.values()).doesNotContainNull().doesNotHaveDuplicates();
        for (final String holder : holders.values()) {
            final ReservationState state = masters.reservations().get(holder);
            assertThat(state.status()).isEqualTo(CONFIRMED);
            assertThat(holders.get(state.selectedResource().id())).isEqualTo(holder);
        }
        assertThat(masters.windowEvents().readValuesToList()).filteredOn(e -> e instanceof ResourceAllocated).hasSize(10);
    }

    @Test
    void shouldRebuildFromTheEventTopicsExactlyTheStateInTheStores() {
        final List<String> windowIds = IntStream.range(0, 4).mapToObj(i -> "window-" + i).toList();
        windowIds.forEach(id -> masters.createWindow(id, "seat", "seat", "desk"));
        for (int i = 0; i < 30; i++) {
            final String id = "res-" + i;
            masters.createReservation(id, windowIds.get(i % windowIds.size()));
            masters.select(id, i % 3 == 0 ? "desk" : "seat");
            if (i % 4 == 0) {
                masters.cancel(id);
            }
        }

        final Map<String, ReservationState> foldedReservations = new LinkedHashMap<>();
        for (final KeyValue<String, ReservationEvent> event : masters.reservationEvents().readKeyValuesToList()) {
            foldedReservations.put(event.key, ReservationDecider.evolve(foldedReservations.get(event.key), event.value));
        }
        final Map<String, WindowState> foldedWindows = new LinkedHashMap<>();
        for (final KeyValue<String, WindowEvent> event : masters.windowEvents().readKeyValuesToList()) {
            foldedWindows.put(event.key, WindowDecider.evolve(foldedWindows.get(event.key), event.value));
        }

        assertThat(foldedReservations).hasSize(30).isEqualTo(contents(masters.reservations()));
        assertThat(foldedWindows).hasSize(4).isEqualTo(masters.windows().contents());
        assertThat(foldedReservations.values()).anyMatch(r -> r.status() == CONFIRMED)
                .anyMatch(r -> r.status() == CANCELLED).anyMatch(r -> r.status() == PENDING);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static <V> Map<String, V> contents(final KeyValueStore<String, V> store) {
        final Map<String, V> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> iterator = store.all()) {
            iterator.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }
}
