package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationDeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static final ReservationEvent CREATED = new ReservationCreated("c0", NOW, "r", "w");
    private static final ReservationEvent STARTED = new SelectionStarted("c1", NOW, "r", "w", "seat");
    private static final ReservationEvent SELECTED = new ResourceSelected("c1", NOW, "r", "w", "a", "seat");
    private static final ReservationEvent CANCELLED_EVENT = new ReservationCancelled("c2", NOW, "r", "w", null);

    @Test
    void shouldCreateAPendingReservation() {
        final Outcome<ReservationEvent> outcome =
                ReservationDecider.decide(null, new CreateReservation("c0", "r", "w"), NOW);

        assertThat(outcome.events()).containsExactly(CREATED);
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c0", new Reservation("r", "w", PENDING, null)));
        assertThat(outcome.forwards()).isEmpty();
    }

    @Test
    void shouldRejectCreatingAnExistingReservation() {
        assertRejected(ReservationDecider.decide(given(CREATED), new CreateReservation("c9", "r", "w2"), NOW),
                "c9", ErrorCode.RESERVATION_EXISTS.slug());
    }

    @Test
    void shouldStartASelectionAndAskTheWindowForAResource() {
        final Outcome<ReservationEvent> outcome =
                ReservationDecider.decide(given(CREATED), new SelectResource("c1", "r", "seat"), NOW);

        assertThat(outcome.events()).containsExactly(STARTED);
        assertThat(outcome.forwards()).containsExactly(
                new EntityWrite(Operation.ALLOCATE_RESOURCE, ForwardData.allocate("r", "w", "seat"), false));
        assertThat(outcome.result()).as("settled by the window's answer").isNull();
        assertThat(given(CREATED, STARTED).status()).isEqualTo(SELECTING);
        assertThat(given(CREATED, STARTED).pendingSelection()).isEqualTo(new PendingSelection("c1", "seat"));
    }

    @Test
    void shouldRejectSelectionOfAMissingReservation() {
        assertRejected(ReservationDecider.decide(null, new SelectResource("c1", "r", "seat"), NOW),
                "c1", ErrorCode.RESERVATION_NOT_FOUND.slug());
    }

    @Test
    void shouldRejectSelectionWhileAnotherSelectionIsInProgress() {
        assertRejected(ReservationDecider.decide(given(CREATED, STARTED), new SelectResource("c5", "r", "seat"), NOW),
                "c5", ErrorCode.SELECTION_IN_PROGRESS.slug());
    }

    @Test
    void shouldRejectSelectionOfACancelledReservation() {
        assertRejected(ReservationDecider.decide(given(CREATED, CANCELLED_EVENT), new SelectResource("c5", "r", "seat"), NOW),
                "c5", ErrorCode.RESERVATION_CANCELLED.slug());
    }

    @Test
    void shouldAnswerSelectionOfTheConfirmedTypeWithTheConfirmedReservation() {
        final Outcome<ReservationEvent> outcome =
                ReservationDecider.decide(given(CREATED, STARTED, SELECTED), new SelectResource("c5", "r", "seat"), NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.forwards()).isEmpty();
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c5",
                new Reservation("r", "w", CONFIRMED, new SelectedResource("a", "seat"))));
    }

    @Test
    void shouldRejectSelectionOfAnotherTypeOnceConfirmed() {
        assertRejected(ReservationDecider.decide(given(CREATED, STARTED, SELECTED), new SelectResource("c5", "r", "desk"), NOW),
                "c5", ErrorCode.ALREADY_CONFIRMED.slug());
    }

    @Test
    void shouldConfirmTheSelectionTheWindowAnswered() {
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED, STARTED), confirm("c1"), NOW);

        assertThat(outcome.events()).containsExactly(SELECTED);
        assertThat(outcome.forwards()).isEmpty();
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c1",
                new Reservation("r", "w", CONFIRMED, new SelectedResource("a", "seat"))));
    }

    @Test
    void shouldCompensateAConfirmationThatReachesACancelledReservation() {
        final ReservationState cancelledWhileSelecting = given(CREATED, STARTED, CANCELLED_EVENT);

        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(cancelledWhileSelecting, confirm("c1"), NOW);

        assertThat(outcome.events()).containsExactly(
                new SelectionRejected("c1", NOW, "r", "w", "seat", ErrorCode.RESERVATION_CANCELLED.slug()));
        assertThat(outcome.forwards()).containsExactly(release("a"));
        assertRejected(outcome, "c1", ErrorCode.RESERVATION_CANCELLED.slug());
        final ReservationState after = ReservationDecider.fold(cancelledWhileSelecting, outcome.events());
        assertThat(after.status()).isEqualTo(CANCELLED);
        assertThat(after.pendingSelection()).isNull();
    }

    @Test
    void shouldReleaseAResourceNobodyWaitsFor() {
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED), confirm("c-stale"), NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.forwards()).containsExactly(release("a"));
        assertThat(outcome.result()).isNull();
    }

    @Test
    void shouldIgnoreAConfirmationAlreadyApplied() {
        final Outcome<ReservationEvent> outcome =
                ReservationDecider.decide(given(CREATED, STARTED, SELECTED), confirm("c1"), NOW);

        assertThat(outcome).isEqualTo(new Outcome<>(List.of(), List.of(), null));
    }

    @Test
    void shouldFallBackToPendingWhenTheWindowRejects() {
        final Outcome<ReservationEvent> outcome = ReservationDecider.decide(given(CREATED, STARTED), reject("c1"), NOW);

        assertThat(outcome.events()).containsExactly(
                new SelectionRejected("c1", NOW, "r", "w", "seat", ErrorCode.NO_RESOURCE_AVAILABLE.slug()));
        assertRejected(outcome, "c1", ErrorCode.NO_RESOURCE_AVAILABLE.slug());
        final ReservationState after = ReservationDecider.fold(given(CREATED, STARTED), outcome.events());
        assertThat(after.status()).isEqualTo(PENDING);
        assertThat(after.pendingSelection()).isNull();
    }

    @Test
    void shouldIgnoreARejectionForASelectionNoLongerPending() {
        assertThat(ReservationDecider.decide(given(CREATED), reject("c1"), NOW).events()).isEmpty();
        assertThat(ReservationDecider.decide(null, reject("c1"), NOW).result()).isNull();
    }

    @Test
    void shouldCancelAPendingReservationAtOnce() {
        final Outcome<ReservationEvent> outcome =
                ReservationDecider.decide(given(CREATED), new CancelReservation("c2", "r"), NOW);

        assertThat(outcome.events()).containsExactly(CANCELLED_EVENT);
        assertThat(outcome.forwards()).isEmpty();
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c2", new Reservation("r", "w", CANCELLED, null)));
    }

    @Test
    void shouldCancelASelectingReservationAndKeepTheSelectionOpenForTheWindowsAnswer() {
        final Outcome<ReservationEvent> outcome =
                ReservationDecider.decide(given(CREATED, STARTED), new CancelReservation("c2", "r"), NOW);

        assertThat(outcome.forwards()).isEmpty();
        final ReservationState after = ReservationDecider.fold(given(CREATED, STARTED), outcome.events());
        assertThat(after.status()).isEqualTo(CANCELLED);
        assertThat(after.pendingSelection()).isEqualTo(new PendingSelection("c1", "seat"));
    }

    @Test
    void shouldCancelAConfirmedReservationAndLetTheWindowDeliverTheResult() {
        final Outcome<ReservationEvent> outcome =
                ReservationDecider.decide(given(CREATED, STARTED, SELECTED), new CancelReservation("c2", "r"), NOW);

        assertThat(outcome.events()).containsExactly(new ReservationCancelled("c2", NOW, "r", "w", "a"));
        assertThat(outcome.forwards()).containsExactly(
                new EntityWrite(Operation.RELEASE_RESOURCE, ForwardData.release("r", "w", "a", "seat"), true));
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c2", new Reservation("r", "w", CANCELLED, null)));
    }

    @Test
    void shouldRejectCancellingTwiceOrCancellingNothing() {
        assertRejected(ReservationDecider.decide(given(CREATED, CANCELLED_EVENT), new CancelReservation("c3", "r"), NOW),
                "c3", ErrorCode.RESERVATION_CANCELLED.slug());
        assertRejected(ReservationDecider.decide(null, new CancelReservation("c3", "r"), NOW),
                "c3", ErrorCode.RESERVATION_NOT_FOUND.slug());
    }

    @Test
    void shouldTreatAnotherOwnersReservationAsMissing() {
        final ReservationState alices = given(new ReservationCreated("c0", NOW, "r", "w", "alice"));

        assertRejected(ReservationDecider.decide(alices, new SelectResource("c1", "r", "seat", null, "bob", false), NOW),
                "c1", ErrorCode.RESERVATION_NOT_FOUND.slug());
        assertRejected(ReservationDecider.decide(alices, new CancelReservation("c2", "r", null, "bob", false), NOW),
                "c2", ErrorCode.RESERVATION_NOT_FOUND.slug());
        assertThat(ReservationDecider.decide(alices, new SelectResource("c3", "r", "seat", null, "alice", false), NOW).events())
                .as("the owner may").hasSize(1);
        assertThat(ReservationDecider.decide(alices, new CancelReservation("c4", "r", null, "root", true), NOW).result().status())
                .as("an admin may").isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(alices.toView().owner()).isEqualTo("alice");
    }

    @Test
    void shouldRefuseACommandWithoutASubjectUnlessItIsAnAdmins() {
        final ReservationState alices = given(new ReservationCreated("c0", NOW, "r", "w", "alice"));
        final ReservationState ownerless = given(new ReservationCreated("c0", NOW, "r", "w", null));

        // a command as an older API wrote it for an admin, or forged: no subject and no admin flag
        assertRejected(ReservationDecider.decide(alices, new SelectResource("c1", "r", "seat", null, null, false), NOW),
                "c1", ErrorCode.RESERVATION_NOT_FOUND.slug());
        assertRejected(ReservationDecider.decide(alices, new CancelReservation("c2", "r", null, null, false), NOW),
                "c2", ErrorCode.RESERVATION_NOT_FOUND.slug());
        assertRejected(ReservationDecider.decide(ownerless, new CancelReservation("c3", "r", null, null, false), NOW),
                "c3", ErrorCode.RESERVATION_NOT_FOUND.slug());
    }

    @Test
    void shouldFoldAWholeHistory() {
        final ReservationState state = given(CREATED, STARTED, SELECTED, new ReservationCancelled("c2", NOW, "r", "w", "a"));

        assertThat(state).isEqualTo(new ReservationState("r", "w", CANCELLED, null, null));
    }

    private static ReservationState given(final ReservationEvent... events) {
        return ReservationDecider.fold(null, List.of(events));
    }

    private static ForwardWrite confirm(final String commandId) {
        return ForwardWrite.of(commandId, Operation.CONFIRM_SELECTION, ForwardData.confirm("r", "w", "a", "seat"), 1);
    }

    private static ForwardWrite reject(final String commandId) {
        return ForwardWrite.of(commandId, Operation.REJECT_SELECTION,
                ForwardData.reject("r", "w", ErrorCode.NO_RESOURCE_AVAILABLE.slug()), 1);
    }

    private static EntityWrite release(final String resourceId) {
        return new EntityWrite(Operation.RELEASE_RESOURCE, ForwardData.release("r", "w", resourceId, "seat"), false);
    }

    private static void assertRejected(final Outcome<ReservationEvent> outcome, final String commandId, final String code) {
        assertThat(outcome.result().commandId()).isEqualTo(commandId);
        assertThat(outcome.result().status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(outcome.result().code()).isEqualTo(code);
    }
}
