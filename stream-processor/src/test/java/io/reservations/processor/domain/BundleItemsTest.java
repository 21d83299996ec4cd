package io.reservations.processor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.BundleForwards;
import io.reservations.contract.BundleStep;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.SelectionStarted;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A reservation as a bundle's item: it selects when asked, moves only when told, and says so. */
class BundleItemsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final ReservationState PENDING = new ReservationState("r", "w", ReservationStatus.PENDING, null, null,
            "alice");

    @Test
    void shouldSelectForTheBundleAskingItsWindowToAnswerTheBundle() {
        final Outcome<ReservationEvent> asked = decide(PENDING, "create", Operation.SELECT_FOR_BUNDLE,
                BundleForwards.selectForBundle("b", "r", "seat", "alice", false));

        assertThat(asked.events()).containsExactly(new SelectionStarted("create", NOW, "r", "w", "seat", null, null,
                null, "b"));
        assertThat(asked.forwards()).containsExactly(EntityWrite.of(Operation.ALLOCATE_RESOURCE,
                BundleForwards.allocateForBundle("r", "w", "seat", "alice", "b")));
        assertThat(asked.result()).isNull();
        assertThat(ReservationDecider.fold(PENDING, asked.events()).movedByBundle()).isTrue();
    }

    @Test
    void shouldRefuseWhatItCannotDoWithTheContractsCodes() {
        final ReservationState inAnother = ReservationDecider.fold(PENDING, decide(PENDING, "other",
                Operation.SELECT_FOR_BUNDLE, BundleForwards.selectForBundle("other", "r", "seat", "alice", false)).events());

        assertThat(decide(inAnother, "create", Operation.SELECT_FOR_BUNDLE,
                BundleForwards.selectForBundle("b", "r", "seat", "alice", false)).forwards())
                .containsExactly(EntityWrite.of(Operation.BUNDLE_ITEM_REJECTED,
                        BundleForwards.itemRejected("b", "r", ErrorCode.IN_BUNDLE.slug())));
        assertThat(decide(PENDING, "create", Operation.SELECT_FOR_BUNDLE,
                BundleForwards.selectForBundle("b", "r", "seat", "mallory", false)).forwards())
                .containsExactly(EntityWrite.of(Operation.BUNDLE_ITEM_REJECTED,
                        BundleForwards.itemRejected("b", "r", ErrorCode.RESERVATION_NOT_FOUND.slug())));
        assertThat(ReservationDecider.decide(inAnother, new SelectResource("c", "r", "seat", null, "alice", false), NOW)
                .result().code()).as("its own select while its bundle moves it").isEqualTo(ErrorCode.IN_BUNDLE.slug());
    }

    @Test
    void shouldApplyOnlyItsOwnBundlesStepsAndAcknowledgeEveryOne() {
        final ReservationState held = new ReservationState("r", "w", ReservationStatus.HELD,
                new SelectedResource("seat-1", "seat"), null, "alice", NOW.plusSeconds(60), null, null, "b");

        final Outcome<ReservationEvent> foreign = decide(held, "x", Operation.SETTLE_BUNDLE_ITEM,
                BundleForwards.settle("other", "r", BundleStep.CANCEL));
        final Outcome<ReservationEvent> confirmed = decide(held, "confirm", Operation.SETTLE_BUNDLE_ITEM,
                BundleForwards.settle("b", "r", BundleStep.CONFIRM_HOLD));
        final Outcome<ReservationEvent> cancelled = decide(ReservationDecider.fold(held, confirmed.events()), "cancel",
                Operation.SETTLE_BUNDLE_ITEM, BundleForwards.settle("b", "r", BundleStep.CANCEL));

        assertThat(foreign.events()).isEmpty();
        assertThat(foreign.forwards()).containsExactly(EntityWrite.of(Operation.BUNDLE_ITEM_SETTLED,
                BundleForwards.settled("other", "r", BundleStep.CANCEL)));
        assertThat(confirmed.events()).containsExactly(new HoldConfirmed("confirm", NOW, "r", "w", "seat-1"));
        assertThat(cancelled.events()).containsExactly(new ReservationCancelled("cancel", NOW, "r", "w", "seat-1"));
        assertThat(cancelled.forwards()).containsExactly(
                EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release("r", "w", "seat-1", "seat")),
                EntityWrite.of(Operation.BUNDLE_ITEM_SETTLED, BundleForwards.settled("b", "r", BundleStep.CANCEL)));
    }

    private static Outcome<ReservationEvent> decide(final ReservationState state, final String commandId, final Operation operation,
                                     final ForwardData data) {
        return ReservationDecider.decide(state, ForwardWrite.of(commandId, operation, data, 0), NOW);
    }
}
