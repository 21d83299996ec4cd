package io.reservations.processor.shard;

import static io.reservations.processor.shard.ShardMasterDriver.onPartition;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.WaitingSelection;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The waitlist through the shard masters' topology and their stores: joins in order, promotions in the step that
 * frees a seat, a cancel that leaves the line, a wait that runs out; the window on another partition than the
 * reservations, or on the same one as the first of them.
 */
class WaitlistTopologyTest {

    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ShardMasterDriver masters;

    @BeforeEach
    void startDriver() {
        masters = new ShardMasterDriver(START, Duration.ZERO, meters);
    }

    @AfterEach
    void closeDriver() {
        masters.close();
    }

    @ParameterizedTest(name = "window on partition {0}, reservations on 1 to 4")
    @ValueSource(ints = {1, 9})
    void shouldGiveEachFreedSeatToTheNextInLineInJoinOrder(final int windowPartition) {
        final String window = onPartition("window", windowPartition);
        masters.createWindow(window, "seat");
        final List<String> r = List.of(reservation(1, window), reservation(2, window), reservation(3, window),
                reservation(4, window));
        assertThat(masters.select(r.get(0), "seat").entity()).extracting("status").isEqualTo(ReservationStatus.CONFIRMED);

        assertThat(waitInLine(r.get(1), null, null).entity()).isEqualTo(waitlisted(r.get(1), window, 1));
        assertThat(waitInLine(r.get(2), null, null).entity()).isEqualTo(waitlisted(r.get(2), window, 2));
        assertThat(waitInLine(r.get(3), null, null).entity()).isEqualTo(waitlisted(r.get(3), window, 3));

        masters.cancel(r.get(0));
        assertThat(status(r.get(1))).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(masters.windows().get(window).resources().get(0).heldBy()).isEqualTo(r.get(1));

        assertThat(masters.cancel(r.get(2)).entity()).extracting("status").isEqualTo(ReservationStatus.CANCELLED);
        masters.cancel(r.get(1));

        assertThat(status(r.get(3))).as("the cancelled one left the line").isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(masters.windows().get(window).resources().get(0).heldBy()).isEqualTo(r.get(3));
        final List<WindowEvent> windowEvents = masters.windowEvents().readValuesToList();
        assertThat(windowEvents.stream().filter(ResourceAllocated.class::isInstance)
                .map(ResourceAllocated.class::cast).filter(a -> Boolean.TRUE.equals(a.fromWaitlist()))
                .map(ResourceAllocated::reservationId)).containsExactly(r.get(1), r.get(3));
        assertThat(windowEvents.stream().map(event -> event.getClass().getSimpleName())).containsSubsequence(
                "WaitlistJoined", "WaitlistJoined", "WaitlistJoined", "ResourceReleased", "ResourceAllocated",
                "WaitlistLeft", "ResourceReleased", "ResourceAllocated");
        assertThat(meters.get("reservations.selections.in_flight").gauge().value()).isZero();
    }

    @ParameterizedTest(name = "window on partition {0}")
    @ValueSource(ints = {1, 9})
    void shouldHoldFromThePromotionWhenTheWaitingSelectionAskedForAHold(final int windowPartition) {
        final String window = onPartition("window", windowPartition);
        masters.createWindow(window, "seat");
        final String first = reservation(1, window);
        final String second = reservation(2, window);
        masters.select(first, "seat");
        waitInLine(second, "PT10M", null);
        final Instant promotedAt = START.plus(Duration.ofHours(1));

        masters.send(new io.reservations.contract.CancelReservation(masters.nextCommandId(), first), promotedAt);

        final ReservationState held = masters.reservations().get(second);
        assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(held.holdExpiresAt()).isEqualTo(promotedAt.plus(Duration.ofMinutes(10)));
    }

    @ParameterizedTest(name = "window on partition {0}")
    @ValueSource(ints = {1, 9})
    void shouldGiveTheSeatOfAHoldThatRunsOutToTheFirstInLine(final int windowPartition) {
        final String window = onPartition("window", windowPartition);
        masters.createWindow(window, "seat");
        final String holder = reservation(1, window);
        final String waiting = reservation(2, window);
        masters.send(new SelectResource(masters.nextCommandId(), holder, "seat", null, null, true, "PT1M"));
        waitInLine(waiting, null, null);

        masters.advanceWallClockTime(Duration.ofSeconds(61));

        assertThat(status(holder)).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(status(waiting)).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(masters.windows().get(window).resources().get(0).heldBy()).isEqualTo(waiting);
    }

    @ParameterizedTest(name = "window on partition {0}")
    @ValueSource(ints = {1, 9})
    void shouldGoBackToPendingWhenTheWaitRunsOutAndLeaveTheLine(final int windowPartition) {
        final String window = onPartition("window", windowPartition);
        masters.createWindow(window, "seat");
        final String first = reservation(1, window);
        final String second = reservation(2, window);
        masters.select(first, "seat");
        waitInLine(second, null, "PT1M");

        masters.advanceWallClockTime(Duration.ofSeconds(59));
        assertThat(status(second)).as("before the end of its wait").isEqualTo(ReservationStatus.WAITLISTED);
        masters.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(status(second)).isEqualTo(ReservationStatus.PENDING);

        masters.cancel(first);
        assertThat(masters.windows().get(window).resources().get(0).available()).as("nobody waits any more").isTrue();
        assertThat(masters.reservationEventTypes()).contains("Waitlisted", "SelectionRejected");
        masters.advanceWallClockTime(Duration.ofDays(8));
        assertThat(masters.reservationEvents().isEmpty()).as("the wait's timer fired once").isTrue();
    }

    @ParameterizedTest(name = "window on partition {0}")
    @ValueSource(ints = {1, 9})
    void shouldAnswerATypeTheWindowDoesNotDeclareAsBefore(final int windowPartition) {
        final String window = onPartition("window", windowPartition);
        masters.createWindow(window, "seat");
        final String first = reservation(1, window);

        final CommandResult lamp = masters.send(new SelectResource(masters.nextCommandId(), first, "lamp", null, null,
                true, null, true, null));

        assertThat(lamp.code()).isEqualTo(ErrorCode.NO_RESOURCE_AVAILABLE.slug());
    }

    @ParameterizedTest(name = "window on partition {0}")
    @ValueSource(ints = {1, 9})
    void shouldRebuildTheLinesFromTheWindowsEventsAsTheStoreHoldsThem(final int windowPartition) {
        final String window = onPartition("window", windowPartition);
        masters.createWindow(window, "seat", "desk");
        final String first = reservation(1, window);
        masters.select(first, "seat");
        masters.select(reservation(5, window), "desk");
        waitInLine(reservation(2, window), null, null);
        masters.send(new SelectResource(masters.nextCommandId(), reservation(6, window), "desk", null, null, true,
                null, true, null));
        waitInLine(reservation(3, window), null, null);
        waitInLine(reservation(4, window), null, null);
        masters.cancel(onPartition("reservation", 3));
        masters.cancel(first);

        final WindowState folded = WindowDecider.fold(null, masters.windowEvents().readValuesToList());
        final TreeMap<String, byte[]> index = new TreeMap<>();
        masters.driver().createOutputTopic("shard-master-test-" + StoresAndTopics.WINDOW_INDEX + "-changelog",
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer()).readKeyValuesToList()
                .forEach(entry -> {
                    if (entry.value == null) {
                        index.remove(entry.key);
                    } else {
                        index.put(entry.key, entry.value);
                    }
                });

        assertThat(folded.line()).extracting(WaitingSelection::reservationId).containsExactly(
                onPartition("reservation", 6), onPartition("reservation", 4));
        assertThat(WindowLayout.assemble(index).get(window)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "window on partition {0}")
    @ValueSource(ints = {1, 9})
    void shouldLineUpForAWindowIndexedBeforeTheWaitlistAndLearnItsTypesOnce(final int windowPartition) {
        final String window = onPartition("window", windowPartition);
        masters.createWindow(window, "seat", "seat", "desk");
        masters.windows().writeHeaderWithoutTypes(window);
        masters.select(reservation(1, window), "seat");
        masters.select(reservation(2, window), "seat");
        final String third = reservation(3, window);

        assertThat(masters.send(new SelectResource(masters.nextCommandId(), third, "lamp", null, null, true, null, true,
                null)).code()).isEqualTo(ErrorCode.NO_RESOURCE_AVAILABLE.slug());
        assertThat(masters.windows().headerTypes(window)).containsExactly("seat", "desk");
        assertThat(waitInLine(third, null, null).entity()).isEqualTo(waitlisted(third, window, 1));
    }

    private String reservation(final int partition, final String window) {
        final String id = onPartition("reservation", partition);
        masters.createReservation(id, window);
        return id;
    }

    private CommandResult waitInLine(final String reservation, final String holdFor, final String waitlistFor) {
        return masters.send(new SelectResource(masters.nextCommandId(), reservation, "seat", null, null, true, holdFor,
                true, waitlistFor));
    }

    private ReservationStatus status(final String reservation) {
        return masters.reservations().get(reservation).status();
    }

    private static Reservation waitlisted(final String id, final String window, final int position) {
        return new Reservation(id, window, ReservationStatus.WAITLISTED, null, null, null, position);
    }
}
