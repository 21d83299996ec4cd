package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.EXPIRED;
import static io.reservations.contract.ReservationStatus.HELD;
import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Operation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.SelectionStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofMinutes(10));
    private static final SelectedResource SEAT = new SelectedResource("a", "seat");

    private static final ReservationEvent CREATED = new ReservationCreated("c0", NOW, "r", "w", "alice");
    private static final ReservationEvent STARTED = new SelectionStarted("c1", NOW, "r", "w", "seat", "PT10M");
    private static final ReservationEvent HELD_EVENT = new ResourceHeld("c1", NOW, "r", "w", "a", "seat", DUE);
    private static final EntityWrite RELEASE = EntityWrite.of(Operation.RELEASE_RESOURCE,
            ForwardData.release("r", "w", "a", "seat"));

    @Test
    void shouldAskForTheHoldWhenSelecting() {
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED),
                new SelectResource("c1", "r", "seat", null, "alice", false, "PT10M"), NOW);

        assertThat(outcome.events()).containsExactly(STARTED);
        assertThat(given(CREATED, STARTED).pendingSelection()).isEqualTo(new PendingSelection("c1", "seat", "PT10M"));
    }

    @Test
    void shouldHoldTheResourceUntilTheConfirmingStepsTimePlusTheHold() {
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED, STARTED),
                confirmSelection(), NOW);

        assertThat(outcome.events()).containsExactly(HELD_EVENT);
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c1",
                new Reservation("r", "w", HELD, SEAT, "alice", DUE)));
        assertThat(ReservationDecider.decide(given(CREATED, STARTED, HELD_EVENT), confirmSelection(), NOW).events())
                .as("a repeated confirmation of the selection").isEmpty();
    }

    @Test
    void shouldConfirmAHoldBeforeItRunsOut() {
        final Instant justBefore = DUE.minusMillis(1);

        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED, STARTED, HELD_EVENT),
                new ConfirmHold("c2", "r", null, "alice", false), justBefore);

        assertThat(outcome.events()).containsExactly(new HoldConfirmed("c2", justBefore, "r", "w", "a"));
        assertThat(outcome.forwards()).isEmpty();
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c2", new Reservation("r", "w", CONFIRMED, SEAT, "alice")));
        final ReservationState confirmed = given(CREATED, STARTED, HELD_EVENT, outcome.events().get(0));
        assertThat(ReservationDecider.decide(confirmed, new ConfirmHold("c3", "r"), DUE.plusSeconds(60)).result())
                .as("a repeated confirm, even after the due time").isEqualTo(
                        CommandResult.succeeded("c3", new Reservation("r", "w", CONFIRMED, SEAT, "alice")));
        assertThat(Holds.due(confirmed, DUE).events()).as("the timer after a confirm").isEmpty();
    }

    @Test
    void shouldExpireTheHoldForAConfirmSentAtItsDueTimeWhetherOrNotTheTimerFired() {
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED, STARTED, HELD_EVENT),
                new ConfirmHold("c2", "r", null, "alice", false), DUE);

        assertThat(outcome.events()).containsExactly(new HoldExpired("c1", DUE, "r", "w", "a"));
        assertThat(outcome.forwards()).containsExactly(RELEASE);
        assertRejected(outcome, "c2", ErrorCode.HOLD_EXPIRED.slug());
        final ReservationState expired = given(CREATED, STARTED, HELD_EVENT, outcome.events().get(0));
        assertThat(expired.status()).isEqualTo(EXPIRED);
        assertThat(expired.selectedResource()).isNull();
        assertThat(Holds.due(expired, DUE).events()).as("the timer fires after the confirm: nothing twice").isEmpty();
    }

    @Test
    void shouldExpireADueHoldOnceWhenItsTimerFires() {
        final ForwardWrite timer = ForwardWrite.of("hold-expiry", Operation.EXPIRE_HOLD, ForwardData.expire("r", "w"), 0);
        final ReservationState held = given(CREATED, STARTED, HELD_EVENT);

        assertThat(ReservationDecider.decide(held, timer, DUE.minusMillis(1)).events()).as("not due yet").isEmpty();
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(held, timer, DUE);

        assertThat(outcome.events()).containsExactly(new HoldExpired("c1", DUE, "r", "w", "a"));
        assertThat(outcome.forwards()).containsExactly(RELEASE);
        assertThat(outcome.result()).as("no command waits on a timer").isNull();
        assertThat(ReservationDecider.decide(given(CREATED, STARTED, HELD_EVENT, outcome.events().get(0)), timer, DUE)
                .events()).as("fired twice").isEmpty();
    }

    @Test
    void shouldRefuseToConfirmWhatIsNotHeld() {
        assertRejected(ReservationDecider.decide(given(CREATED), new ConfirmHold("c2", "r"), NOW), "c2", ErrorCode.NOT_HELD.slug());
        assertRejected(ReservationDecider.decide(given(CREATED, STARTED), new ConfirmHold("c2", "r"), NOW),
                "c2", ErrorCode.NOT_HELD.slug());
        assertRejected(ReservationDecider.decide(given(CREATED, STARTED, HELD_EVENT),
                new ConfirmHold("c2", "r", null, "mallory", false), NOW), "c2", ErrorCode.RESERVATION_NOT_FOUND.slug());
        assertRejected(ReservationDecider.decide(null, new ConfirmHold("c2", "r"), NOW), "c2", ErrorCode.RESERVATION_NOT_FOUND.slug());
        final ReservationState cancelled = given(CREATED, STARTED, HELD_EVENT,
                new ReservationCancelled("c2", NOW, "r", "w", "a"));
        assertRejected(ReservationDecider.decide(cancelled, new ConfirmHold("c3", "r"), NOW), "c3",
                ErrorCode.RESERVATION_CANCELLED.slug());
    }

    @Test
    void shouldReleaseAHeldResourceWhenTheHoldIsCancelledAndRefuseToCancelAnExpiredOne() {
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED, STARTED, HELD_EVENT),
                new CancelReservation("c2", "r"), NOW);

        assertThat(outcome.events()).containsExactly(new ReservationCancelled("c2", NOW, "r", "w", "a"));
        assertThat(outcome.forwards()).containsExactly(new EntityWrite(Operation.RELEASE_RESOURCE,
                ForwardData.release("r", "w", "a", "seat"), true));
        assertThat(given(CREATED, STARTED, HELD_EVENT, outcome.events().get(0)).status()).isEqualTo(CANCELLED);
        final ReservationState expired = given(CREATED, STARTED, HELD_EVENT, new HoldExpired("c1", DUE, "r", "w", "a"));
        assertRejected(ReservationDecider.decide(expired, new CancelReservation("c3", "r"), DUE), "c3",
                ErrorCode.HOLD_EXPIRED.slug());
        assertRejected(ReservationDecider.decide(expired, new SelectResource("c4", "r", "seat"), DUE), "c4",
                ErrorCode.HOLD_EXPIRED.slug());
    }

    @Test
    void shouldRejectAHoldOutOfItsBoundsWrittenAroundTheApiBeforeTheWindowAllocates() {
        for (final String holdFor : List.of("PXYZ", "P999999999999D", "-PT1S", "PT0.5S", "PT24H0.001S")) {
            final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED),
                    new SelectResource("c1", "r", "seat", null, "alice", false, holdFor), NOW);

            assertThat(outcome.events()).as(holdFor).isEmpty();
            assertThat(outcome.forwards()).as("%s asks the window for nothing", holdFor).isEmpty();
            assertRejected(outcome, "c1", ErrorCode.INVALID.slug());
        }
        assertThat(ReservationDecider.decide(given(CREATED),
                new SelectResource("c1", "r", "seat", null, "alice", false, "PT24H"), NOW).events()).hasSize(1);
    }

    @Test
    void shouldGiveTheResourceBackWhenAHoldAcceptedUncheckedByAnEarlierBuildCannotBeRead() {
        final ReservationEvent unchecked = new SelectionStarted("c1", NOW, "r", "w", "seat", "PXYZ");

        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED, unchecked),
                confirmSelection(), NOW);

        assertThat(outcome.forwards()).containsExactly(RELEASE);
        assertRejected(outcome, "c1", ErrorCode.INVALID.slug());
        assertThat(given(CREATED, unchecked, outcome.events().get(0)).status()).isEqualTo(ReservationStatus.PENDING);
    }

    private static ForwardWrite confirmSelection() {
        return ForwardWrite.of("c1", Operation.CONFIRM_SELECTION, ForwardData.confirm("r", "w", "a", "seat"), 3);
    }

    private static ReservationState given(final ReservationEvent... events) {
        return ReservationDecider.fold(null, List.of(events));
    }

    private static void assertRejected(final Outcome<ReservationEvent> outcome, final String commandId, final String code) {
        assertThat(outcome.result().commandId()).isEqualTo(commandId);
        assertThat(outcome.result().status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(outcome.result().code()).isEqualTo(code);
    }
}
