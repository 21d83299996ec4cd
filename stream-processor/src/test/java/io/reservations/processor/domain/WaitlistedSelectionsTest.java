package io.reservations.processor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.WaitlistDurations;
import io.reservations.contract.Waitlisted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A selection that waits in line, on the reservation's side: WAITLISTED, promoted, cancelled, run out. */
class WaitlistedSelectionsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(2));
    private static final ReservationEvent CREATED = new ReservationCreated("c0", NOW, "r", "w", "alice");
    private static final ReservationEvent STARTED = new SelectionStarted("c1", NOW, "r", "w", "seat", null, true, "P1D");
    private static final ReservationEvent WAITLISTED = new Waitlisted("c1", NOW, "r", "w", "seat", 3, NOW.plus(Duration.ofDays(1)));

    @Test
    void shouldAskTheWindowToWaitInLineAndBecomeWaitlistedWithItsPosition() {
        final Outcome<ReservationEvent> select = ReservationDecider.decide(given(CREATED),
                new SelectResource("c1", "r", "seat", null, "alice", false, null, true, "P1D"), NOW);
        assertThat(select.events()).containsExactly(STARTED);
        assertThat(select.forwards()).containsExactly(EntityWrite.of(Operation.ALLOCATE_RESOURCE,
                ForwardData.allocateOrWait("r", "w", "seat", "alice")));

        final Outcome<ReservationEvent> joined = ReservationDecider.decide(given(CREATED, STARTED), joined("c1", 3), NOW);

        assertThat(joined.events()).containsExactly(WAITLISTED);
        assertThat(joined.result()).isEqualTo(CommandResult.succeeded("c1",
                new Reservation("r", "w", ReservationStatus.WAITLISTED, null, "alice", null, 3)));
    }

    @Test
    void shouldWaitTheDefaultWhenNoWaitIsGiven() {
        final ReservationEvent started = new SelectionStarted("c1", NOW, "r", "w", "seat", null, true, null);

        final Outcome<ReservationEvent> joined = ReservationDecider.decide(given(CREATED, started), joined("c1", 1), NOW);

        assertThat(joined.events()).containsExactly(
                new Waitlisted("c1", NOW, "r", "w", "seat", 1, NOW.plus(WaitlistDurations.DEFAULT)));
    }

    @Test
    void shouldRefuseAWaitOutOfBoundsAndAWaitWithoutTheLine() {
        for (final SelectResource select : List.of(
                new SelectResource("c1", "r", "seat", null, "alice", false, null, true, "PT30S"),
                new SelectResource("c1", "r", "seat", null, "alice", false, null, true, "P31D"),
                new SelectResource("c1", "r", "seat", null, "alice", false, null, true, "PXYZ"),
                new SelectResource("c1", "r", "seat", null, "alice", false, null, null, "P1D"))) {
            assertThat(ReservationDecider.decide(given(CREATED), select, NOW).result())
                    .isEqualTo(CommandResult.rejected("c1", ErrorCode.INVALID.slug()));
        }
    }

    @Test
    void shouldRefuseASelectAndAConfirmWhileWaitlisted() {
        final ReservationState waiting = given(CREATED, STARTED, WAITLISTED);

        assertThat(ReservationDecider.decide(waiting, new SelectResource("c5", "r", "seat"), NOW).result())
                .isEqualTo(CommandResult.rejected("c5", ErrorCode.SELECTION_IN_PROGRESS.slug()));
        assertThat(ReservationDecider.decide(waiting, new ConfirmHold("c6", "r"), NOW).result())
                .isEqualTo(CommandResult.rejected("c6", ErrorCode.NOT_HELD.slug()));
    }

    @Test
    void shouldBecomeConfirmedWhenTheLineGivesItAResourceWithoutASecondResult() {
        final Outcome<ReservationEvent> promoted = ReservationDecider.decide(given(CREATED, STARTED, WAITLISTED),
                promotion("c1"), LATER);

        assertThat(promoted.events()).containsExactly(new ResourceSelected("c1", LATER, "r", "w", "seat-1", "seat"));
        assertThat(promoted.forwards()).isEmpty();
        assertThat(promoted.result()).as("the select was answered WAITLISTED").isNull();
        final ReservationState confirmed = fold(given(CREATED, STARTED, WAITLISTED), promoted);
        assertThat(confirmed.toView()).isEqualTo(new Reservation("r", "w", ReservationStatus.CONFIRMED,
                new SelectedResource("seat-1", "seat"), "alice"));
        assertThat(ReservationDecider.decide(confirmed, expireWait("c1"), NOW.plus(Duration.ofDays(1))).events())
                .as("the wait's timer after the promotion").isEmpty();
    }

    @Test
    void shouldHoldFromThePromotionWhenItAskedForAHold() {
        final ReservationEvent started = new SelectionStarted("c1", NOW, "r", "w", "seat", "PT10M", true, null);

        final Outcome<ReservationEvent> promoted = ReservationDecider.decide(given(CREATED, started, WAITLISTED),
                promotion("c1"), LATER);

        assertThat(promoted.events()).containsExactly(
                new ResourceHeld("c1", LATER, "r", "w", "seat-1", "seat", LATER.plus(Duration.ofMinutes(10))));
    }

    @Test
    void shouldLeaveTheLineOnCancel() {
        final Outcome<ReservationEvent> cancel = ReservationDecider.decide(given(CREATED, STARTED, WAITLISTED),
                new CancelReservation("c2", "r"), LATER);

        assertThat(cancel.events()).containsExactly(new ReservationCancelled("c2", LATER, "r", "w", null));
        assertThat(cancel.forwards()).as("the waiting selection's entry").containsExactly(EntityWrite.forCommand("c1",
                Operation.LEAVE_WAITLIST, ForwardData.leave("r", "w", "seat")));
        assertThat(cancel.result().entity()).isEqualTo(new Reservation("r", "w", ReservationStatus.CANCELLED, null, "alice"));
    }

    @Test
    void shouldGiveBackAPromotionThatCrossedTheCancel() {
        final ReservationState cancelled = given(CREATED, STARTED, WAITLISTED,
                new ReservationCancelled("c2", LATER, "r", "w", null));

        final Outcome<ReservationEvent> promoted = ReservationDecider.decide(cancelled, promotion("c1"), LATER);

        assertThat(promoted.events()).isEmpty();
        assertThat(promoted.result()).isNull();
        assertThat(promoted.forwards()).containsExactly(new EntityWrite(Operation.RELEASE_RESOURCE,
                ForwardData.release("r", "w", "seat-1", "seat"), false));
    }

    @Test
    void shouldLeaveTheLineWhenTheJoinFindsTheSelectionOver() {
        final ReservationState timedOut = given(CREATED, STARTED,
                new SelectionRejected("c1", NOW, "r", "w", "seat", ErrorCode.SELECTION_TIMEOUT.slug()));

        final Outcome<ReservationEvent> joined = ReservationDecider.decide(timedOut, joined("c1", 1), NOW);

        assertThat(joined.events()).isEmpty();
        assertThat(joined.forwards()).containsExactly(EntityWrite.of(Operation.LEAVE_WAITLIST,
                ForwardData.leave("r", "w", "seat")));
    }

    @Test
    void shouldGoBackToPendingWhenTheWaitRunsOutAndGiveBackALaterPromotion() {
        final ReservationState waiting = given(CREATED, STARTED, WAITLISTED);
        final Instant end = NOW.plus(Duration.ofDays(1));

        assertThat(ReservationDecider.decide(waiting, expireWait("c1"), end.minusMillis(1)).events())
                .as("not yet").isEmpty();
        final Outcome<ReservationEvent> expired = ReservationDecider.decide(waiting, expireWait("c1"), end);

        assertThat(expired.events()).containsExactly(
                new SelectionRejected("c1", end, "r", "w", "seat", ErrorCode.WAITLIST_EXPIRED.slug()));
        assertThat(expired.forwards()).containsExactly(EntityWrite.of(Operation.LEAVE_WAITLIST,
                ForwardData.leave("r", "w", "seat")));
        assertThat(expired.result()).isNull();
        final ReservationState pending = fold(waiting, expired);
        assertThat(pending.status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(pending.toView().waitlistPosition()).isNull();
        assertThat(ReservationDecider.decide(pending, promotion("c1"), end).forwards()).containsExactly(
                new EntityWrite(Operation.RELEASE_RESOURCE, ForwardData.release("r", "w", "seat-1", "seat"), false));
    }

    private static ReservationState given(final ReservationEvent... events) {
        return ReservationDecider.fold(null, List.of(events));
    }

    private static ReservationState fold(final ReservationState state, final Outcome<ReservationEvent> outcome) {
        return ReservationDecider.fold(state, outcome.events());
    }

    private static ForwardWrite joined(final String commandId, final int position) {
        return ForwardWrite.of(commandId, Operation.WAITLIST_SELECTION, ForwardData.waitlisted("r", "w", "seat", position), 1);
    }

    private static ForwardWrite promotion(final String commandId) {
        return ForwardWrite.of(commandId, Operation.CONFIRM_SELECTION, ForwardData.promoted("r", "w", "seat-1", "seat"), 1);
    }

    private static ForwardWrite expireWait(final String commandId) {
        return ForwardWrite.of(commandId, Operation.EXPIRE_WAITLIST, ForwardData.expire("r", "w"), 1);
    }
}
