package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A selection whose window does not answer in time goes back to PENDING; a late answer gives its resource back. */
class SelectionDeadlineTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant DEADLINE = NOW.plusSeconds(30);
    private static final ReservationEvent CREATED = new ReservationCreated("c0", NOW, "r", "w");
    private static final ReservationEvent STARTED = new SelectionStarted("c1", NOW, "r", "w", "seat");

    @Test
    void shouldRejectASelectionPastItsDeadlineAndReleaseTheResourceOfALateAnswer() {
        final Outcome<ReservationEvent> timedOut = ReservationDecider.decide(given(CREATED, STARTED), deadline("c1"), DEADLINE);

        assertThat(timedOut.events()).containsExactly(
                new SelectionRejected("c1", DEADLINE, "r", "w", "seat", ErrorCode.SELECTION_TIMEOUT.slug()));
        assertThat(timedOut.result()).isEqualTo(CommandResult.rejected("c1", ErrorCode.SELECTION_TIMEOUT.slug()));
        final ReservationState pending = given(CREATED, STARTED, timedOut.events().get(0));
        assertThat(pending.status()).isEqualTo(PENDING);

        final Outcome<ReservationEvent> late = ReservationDecider.decide(pending, ForwardWrite.of("c1",
                Operation.CONFIRM_SELECTION, ForwardData.confirm("r", "w", "a", "seat"), 3), DEADLINE.plusSeconds(1));
        assertThat(late.events()).isEmpty();
        assertThat(late.forwards()).as("compensation").containsExactly(EntityWrite.of(Operation.RELEASE_RESOURCE,
                ForwardData.release("r", "w", "a", "seat")));
    }

    @Test
    void shouldIgnoreADeadlineOfASelectionThatEndedOrOfAnotherSelection() {
        final ReservationState confirmed = given(CREATED, STARTED, new ResourceSelected("c1", NOW, "r", "w", "a", "seat"));

        assertThat(ReservationDecider.decide(confirmed, deadline("c1"), DEADLINE).events()).isEmpty();
        assertThat(ReservationDecider.decide(given(CREATED, STARTED), deadline("c0"), DEADLINE).events())
                .as("the deadline of an earlier selection").isEmpty();
    }

    private static ForwardWrite deadline(final String commandId) {
        return ForwardWrite.of(commandId, Operation.EXPIRE_SELECTION, ForwardData.expire("r", "w"), 3);
    }

    private static ReservationState given(final ReservationEvent... events) {
        return ReservationDecider.fold(null, List.of(events));
    }
}
