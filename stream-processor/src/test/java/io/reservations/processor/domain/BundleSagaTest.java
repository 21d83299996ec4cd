package io.reservations.processor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.BundleForwards;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.BundleStep;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ConfirmBundle;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bundle's saga as pure functions: answers in any order, a deadline, a late answer, a hold's end. */
class BundleSagaTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void shouldConfirmOnTheLastAnswerWhateverTheOrderOrRepeatsOfTheAnswers() {
        BundleState bundle = started(null);
        bundle = write(bundle, selected("r2", "desk-1", "desk")).state();
        assertThat(bundle.status()).isEqualTo(BundleStatus.SELECTING);

        assertThat(write(bundle, selected("r2", "desk-1", "desk")).outcome()).as("the same answer twice")
                .isEqualTo(Outcome.nothing());
        final BundleDecision last = write(bundle, selected("r1", "seat-1", "seat"));

        assertThat(last.state().status()).isEqualTo(BundleStatus.CONFIRMED);
        assertThat(last.outcome().result()).as("not before every item applied its part").isNull();
        assertThat(last.outcome().forwards()).extracting(EntityWrite::operation)
                .containsOnly(Operation.SETTLE_BUNDLE_ITEM).hasSize(2);
        final BundleDecision one = write(last.state(), settled("r2", BundleStep.CONFIRM));
        assertThat(one.outcome().result()).isNull();
        final BundleDecision both = write(one.state(), settled("r1", BundleStep.CONFIRM));
        assertThat(both.outcome().result().status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(both.state().rounds()).isEmpty();
    }

    @Test
    void shouldRejectOnTheFirstRefusalReleasingWhatWasGivenAndReleaseALateAnswer() {
        final BundleState oneGiven = write(started(null), selected("r1", "seat-1", "seat")).state();

        final BundleDecision rejected = write(oneGiven, rejected("r2", ErrorCode.NO_RESOURCE_AVAILABLE));

        assertThat(rejected.state().status()).isEqualTo(BundleStatus.REJECTED);
        assertThat(rejected.outcome().forwards()).contains(EntityWrite.of(Operation.RELEASE_RESOURCE,
                ForwardData.release("r1", "w1", "seat-1", "seat")));
        assertThat(write(rejected.state(), rejected("r1", ErrorCode.WINDOW_NOT_FOUND)).outcome())
                .as("a second refusal changes nothing").isEqualTo(Outcome.nothing());

        final BundleState noneGiven = write(started(null), rejected("r1", ErrorCode.RESERVATION_CANCELLED)).state();
        final BundleDecision late = write(noneGiven, selected("r2", "desk-1", "desk"));
        assertThat(late.outcome().forwards()).as("given after the bundle was decided: given back")
                .containsExactly(EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release("r2", "w2", "desk-1", "desk")));
        assertThat(late.state().status()).isEqualTo(BundleStatus.REJECTED);
    }

    @Test
    void shouldRejectWithSelectionTimeoutAtItsDeadlineNamingAnItemThatDidNotAnswer() {
        final BundleState oneGiven = write(started(null), selected("r1", "seat-1", "seat")).state();

        final BundleDecision due = write(oneGiven, ForwardWrite.of("create", Operation.EXPIRE_BUNDLE,
                BundleForwards.expireBundle("b"), 0));

        assertThat(due.state().status()).isEqualTo(BundleStatus.REJECTED);
        assertThat(due.state().code()).isEqualTo(ErrorCode.SELECTION_TIMEOUT.slug());
        assertThat(due.state().failedReservationId()).isEqualTo("r2");
    }

    @Test
    void shouldTakeAConfirmBeforeTheHoldsEndAndRefuseOneAtIt() {
        BundleState held = write(started("PT1M"), selected("r1", "seat-1", "seat")).state();
        held = write(held, selected("r2", "desk-1", "desk")).state();
        assertThat(held.status()).isEqualTo(BundleStatus.HELD);

        final BundleDecision inTime = BundleDecider.decide(held, confirm(), NOW.plusSeconds(59));
        final BundleDecision tooLate = BundleDecider.decide(held, confirm(), NOW.plus(Duration.ofMinutes(1)));
        final BundleDecision expired = write(held, ForwardWrite.of("create", Operation.EXPIRE_BUNDLE,
                BundleForwards.expireBundle("b"), 0), NOW.plus(Duration.ofMinutes(1)));

        assertThat(inTime.state().status()).isEqualTo(BundleStatus.CONFIRMED);
        assertThat(tooLate.outcome().result().code()).isEqualTo(ErrorCode.HOLD_EXPIRED.slug());
        assertThat(expired.state().status()).isEqualTo(BundleStatus.EXPIRED);
        assertThat(write(inTime.state(), ForwardWrite.of("create", Operation.EXPIRE_BUNDLE,
                BundleForwards.expireBundle("b"), 0), NOW.plus(Duration.ofMinutes(1))).outcome())
                .as("the timer of a bundle confirmed in time").isEqualTo(Outcome.nothing());
    }

    @Test
    void shouldAnswerTheCreateWithTheBundleItMadeEvenIfItsHoldRanOutBeforeEveryItemSaidSo() {
        BundleState held = write(started("PT1M"), selected("r1", "seat-1", "seat")).state();
        held = write(held, selected("r2", "desk-1", "desk")).state();
        held = write(held, settled("r1", BundleStep.HOLD)).state();
        final BundleState expired = write(held, ForwardWrite.of("create", Operation.EXPIRE_BUNDLE,
                BundleForwards.expireBundle("b"), 0), NOW.plus(Duration.ofMinutes(1))).state();

        final BundleDecision answered = write(expired, settled("r2", BundleStep.HOLD));

        assertThat(answered.outcome().result().entity()).extracting("status").isEqualTo(BundleStatus.HELD);
        assertThat(answered.state().status()).isEqualTo(BundleStatus.EXPIRED);
    }

    private static BundleState started(final String holdFor) {
        return BundleDecider.decide(null, new CreateBundle("create", "b", List.of(new BundleItem("r1", "seat"),
                new BundleItem("r2", "desk")), holdFor, null, "alice", false), NOW).state();
    }

    private static ConfirmBundle confirm() {
        return new ConfirmBundle("confirm", "b", null, "alice", false);
    }

    private static ForwardWrite selected(final String reservation, final String resource, final String type) {
        return ForwardWrite.of("create", Operation.BUNDLE_ITEM_SELECTED, BundleForwards.itemSelected("b", reservation,
                reservation.equals("r1") ? "w1" : "w2", resource, type), 1);
    }

    private static ForwardWrite rejected(final String reservation, final ErrorCode code) {
        return ForwardWrite.of("create", Operation.BUNDLE_ITEM_REJECTED, BundleForwards.itemRejected("b", reservation,
                code.slug()), 1);
    }

    private static ForwardWrite settled(final String reservation, final BundleStep step) {
        return ForwardWrite.of("create", Operation.BUNDLE_ITEM_SETTLED, BundleForwards.settled("b", reservation, step), 1);
    }

    private static BundleDecision write(final BundleState state, final ForwardWrite write) {
        return write(state, write, NOW);
    }

    private static BundleDecision write(final BundleState state, final ForwardWrite write, final Instant now) {
        return BundleSaga.decide(state, write, now);
    }
}
