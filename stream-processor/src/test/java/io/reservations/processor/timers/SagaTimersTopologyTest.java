package io.reservations.processor.timers;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.EXPIRED;
import static io.reservations.contract.ReservationStatus.HELD;
import static io.reservations.processor.shard.ShardMasterDriver.onPartition;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.SelectResource;
import io.reservations.processor.shard.ShardMasterDriver;
import io.reservations.processor.shard.ShardMasterOptions;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds and selection deadlines on TopologyTestDriver, whose wall clock starts with the records' time and moves
 * only when a test moves it: the timers fire from it, the confirms decide from their record time. Each case runs with the window on the
 * reservation's partition (the fast path) and on another one.
 */
class SagaTimersTopologyTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration HOLD = Duration.ofSeconds(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ShardMasterDriver masters;
    private String reservation;
    private String window;

    @BeforeEach
    void startDriver() {
        masters = new ShardMasterDriver(START, Duration.ZERO, meters);
    }

    @AfterEach
    void closeDriver() {
        masters.close();
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldReleaseTheResourceWhenTheHoldRunsOutAndExpireItOnce(final int windowPartition) {
        holdASeat(windowPartition);

        masters.advanceWallClockTime(HOLD.minusMillis(500));
        assertThat(masters.reservations().get(reservation).status()).as("before the due time").isEqualTo(HELD);
        masters.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(masters.reservations().get(reservation).status()).isEqualTo(EXPIRED);
        assertThat(masters.windows().get(window).resources().get(0).available()).as("released in the window").isTrue();
        assertThat(masters.reservationEventTypes()).containsExactly("ReservationCreated", "SelectionStarted",
                "ResourceHeld", "HoldExpired");
        assertThat(masters.windowEventTypes()).containsExactly("WindowCreated", "ResourceAllocated", "ResourceReleased");
        masters.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(masters.reservationEvents().isEmpty()).as("the timer fires once").isTrue();
        assertThat(meters.get("reservations.holds.expired").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("reservations.holds.active").gauge().value()).isZero();
        final CommandResult late = confirmAt(START.plus(HOLD).plusSeconds(1));
        assertThat(late.code()).isEqualTo(ErrorCode.HOLD_EXPIRED.slug());
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldConfirmJustBeforeTheDueTimeAndKeepTheResource(final int windowPartition) {
        holdASeat(windowPartition);

        final CommandResult confirmed = confirmAt(START.plus(HOLD).minusMillis(1));
        masters.advanceWallClockTime(HOLD.plusSeconds(5));

        assertThat(confirmed.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(masters.reservations().get(reservation).status()).isEqualTo(CONFIRMED);
        assertThat(masters.windows().get(window).resources().get(0).heldBy()).isEqualTo(reservation);
        assertThat(masters.reservationEventTypes()).containsExactly("ReservationCreated", "SelectionStarted",
                "ResourceHeld", "HoldConfirmed");
        assertThat(confirmAt(START.plus(HOLD).plusSeconds(6)).status())
                .as("a repeated confirm").isEqualTo(CommandStatus.SUCCEEDED);
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldExpireTheHoldForAConfirmSentJustAfterTheDueTimeBeforeTheTimerFires(final int windowPartition) {
        holdASeat(windowPartition);

        final CommandResult late = confirmAt(START.plus(HOLD));

        assertThat(late.code()).isEqualTo(ErrorCode.HOLD_EXPIRED.slug());
        assertThat(masters.reservations().get(reservation).status()).isEqualTo(EXPIRED);
        assertThat(masters.windows().get(window).resources().get(0).available()).isTrue();
        masters.advanceWallClockTime(HOLD.plusSeconds(5));
        assertThat(masters.reservationEventTypes()).as("expired once, by the confirm").containsExactly(
                "ReservationCreated", "SelectionStarted", "ResourceHeld", "HoldExpired");
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldStopTheTimerWhenAHoldIsCancelled(final int windowPartition) {
        holdASeat(windowPartition);

        final CommandResult cancelled = masters.send(new CancelReservation(masters.nextCommandId(), reservation),
                START.plusSeconds(1));
        masters.advanceWallClockTime(HOLD.plusSeconds(5));

        assertThat(cancelled.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(masters.reservations().get(reservation).status()).isEqualTo(CANCELLED);
        assertThat(masters.windows().get(window).resources().get(0).available()).isTrue();
        assertThat(masters.reservationEventTypes()).doesNotContain("HoldExpired");
        assertThat(meters.get("reservations.holds.active").gauge().value()).isZero();
    }

    @ParameterizedTest(name = "window on partition {0}, reservation on 3")
    @ValueSource(ints = {3, 8})
    void shouldLeaveNoDeadlineBehindASelectionThatEnded(final int windowPartition) {
        window = onPartition("w", windowPartition);
        reservation = onPartition("r", 3);
        masters.createWindow(window, "seat");
        masters.createReservation(reservation, window);

        assertThat(masters.send(new SelectResource(masters.nextCommandId(), reservation, "seat"), START).status())
                .isEqualTo(CommandStatus.SUCCEEDED);
        masters.advanceWallClockTime(ShardMasterOptions.DEFAULT_SELECTION_TIMEOUT.plusSeconds(1));

        assertThat(masters.timers().approximateNumEntries()).isZero();
        assertThat(meters.get("reservations.sagas.oldest_open.age").timeGauge().value()).as("no saga open").isZero();
        assertThat(masters.reservations().get(reservation).status()).isEqualTo(CONFIRMED);
        assertThat(masters.reservationEventTypes()).doesNotContain("SelectionRejected");
    }

    /** A window of one seat and a reservation on partition 3 holding it for {@link #HOLD}, all at {@link #START}. */
    private void holdASeat(final int windowPartition) {
        window = onPartition("w", windowPartition);
        reservation = onPartition("r", 3);
        masters.createWindow(window, "seat");
        masters.createReservation(reservation, window);
        final CommandResult held = masters.send(new SelectResource(masters.nextCommandId(), reservation, "seat", null, null, true,
                HOLD.toString()), START);
        assertThat(held.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(masters.reservations().get(reservation).status()).isEqualTo(HELD);
        assertThat(masters.reservations().get(reservation).holdExpiresAt()).isEqualTo(START.plus(HOLD));
        assertThat(meters.get("reservations.holds.active").gauge().value()).isEqualTo(1.0);
    }

    private CommandResult confirmAt(final Instant recordTime) {
        return masters.send(new ConfirmHold(masters.nextCommandId(), reservation), recordTime);
    }
}
