package io.reservations.processor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A window's lines: joined when nothing of the type is free, left, and served first come first served on release. */
class WaitlistsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final WindowEvent CREATED = new WindowCreated("c0", NOW, "w",
            List.of(new ResourceSpec("seat-1", "seat"), new ResourceSpec("desk-1", "desk")));
    private static final WindowEvent SEAT_TAKEN = new ResourceAllocated("c1", NOW, "w", "seat-1", "seat", "r1");

    @Test
    void shouldJoinTheEndOfTheLineWhenNothingOfTheTypeIsFree() {
        final WindowState full = given(CREATED, SEAT_TAKEN);

        final Outcome<WindowEvent> first = WindowDecider.decide(full, waitFor("c2", "r2", "seat"), NOW);
        final Outcome<WindowEvent> second = WindowDecider.decide(fold(full, first), waitFor("c3", "r3", "seat"), NOW);

        assertThat(first.events()).containsExactly(new WaitlistJoined("c2", NOW, "w", "seat", "r2", 1));
        assertThat(first.forwards()).containsExactly(
                EntityWrite.of(Operation.WAITLIST_SELECTION, ForwardData.waitlisted("r2", "w", "seat", 1)));
        assertThat(second.events()).containsExactly(new WaitlistJoined("c3", NOW, "w", "seat", "r3", 2));
        assertThat(second.result()).as("the reservation answers the select").isNull();
    }

    @Test
    void shouldAllocateAsBeforeWhenAResourceIsFreeEvenIfAskedToWait() {
        final Outcome<WindowEvent> outcome = WindowDecider.decide(given(CREATED), waitFor("c2", "r2", "seat"), NOW);

        assertThat(outcome.events()).containsExactly(new ResourceAllocated("c2", NOW, "w", "seat-1", "seat", "r2"));
    }

    @Test
    void shouldRejectATypeTheWindowDoesNotDeclareWithoutALine() {
        final Outcome<WindowEvent> outcome = WindowDecider.decide(given(CREATED), waitFor("c2", "r2", "lamp"), NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.forwards()).containsExactly(EntityWrite.of(Operation.REJECT_SELECTION,
                ForwardData.reject("r2", "w", ErrorCode.NO_RESOURCE_AVAILABLE.slug())));
    }

    @Test
    void shouldAnswerTheSamePlaceForTheSameAllocationAgain() {
        final WindowState waiting = given(CREATED, SEAT_TAKEN, new WaitlistJoined("c2", NOW, "w", "seat", "r2", 1));

        final Outcome<WindowEvent> again = WindowDecider.decide(waiting, waitFor("c2", "r2", "seat"), NOW);

        assertThat(again.events()).isEmpty();
        assertThat(again.forwards()).containsExactly(
                EntityWrite.of(Operation.WAITLIST_SELECTION, ForwardData.waitlisted("r2", "w", "seat", 1)));
    }

    @Test
    void shouldReplaceAnOlderSelectionOfTheSameReservationThatStillWaits() {
        final WindowState waiting = given(CREATED, SEAT_TAKEN, new WaitlistJoined("c2", NOW, "w", "seat", "r2", 1));

        final Outcome<WindowEvent> newer = WindowDecider.decide(waiting, waitFor("c5", "r2", "seat"), NOW);

        assertThat(newer.events()).containsExactly(new WaitlistLeft("c2", NOW, "w", "seat", "r2"),
                new WaitlistJoined("c5", NOW, "w", "seat", "r2", 1));
    }

    @Test
    void shouldRefuseAJoinWhenTheLineIsFull() {
        final List<WindowEvent> events = new ArrayList<>(List.of(CREATED, SEAT_TAKEN));
        for (int i = 1; i <= Waitlists.LONGEST; i++) {
            events.add(new WaitlistJoined("j" + i, NOW, "w", "seat", "q" + i, i));
        }
        final WindowState full = WindowDecider.fold(null, events);

        final Outcome<WindowEvent> outcome = WindowDecider.decide(full, waitFor("c9", "r9", "seat"), NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.forwards()).containsExactly(EntityWrite.of(Operation.REJECT_SELECTION,
                ForwardData.reject("r9", "w", ErrorCode.WAITLIST_FULL.slug())));
    }

    @Test
    void shouldGiveAReleasedResourceToTheHeadOfItsLineInTheSameStep() {
        final WindowState waiting = given(CREATED, SEAT_TAKEN, new WaitlistJoined("c2", NOW, "w", "seat", "r2", 1),
                new WaitlistJoined("c3", NOW, "w", "seat", "r3", 2));

        final Outcome<WindowEvent> release = WindowDecider.decide(waiting, release("c4", "r1", "seat-1"), NOW);

        assertThat(release.events()).containsExactly(new ResourceReleased("c4", NOW, "w", "seat-1", "seat", "r1"),
                new ResourceAllocated("c2", NOW, "w", "seat-1", "seat", "r2", true));
        assertThat(release.forwards()).as("on behalf of the waiting select").containsExactly(EntityWrite.forCommand("c2",
                Operation.CONFIRM_SELECTION, ForwardData.promoted("r2", "w", "seat-1", "seat")));
        final WindowState after = fold(waiting, release);
        assertThat(after.resource("seat-1")).map(Slot::heldBy).contains("r2");
        assertThat(after.firstInLine("seat")).map(WaitingSelection::reservationId).contains("r3");
        assertThat(after.waiting("seat")).isEqualTo(1);
    }

    @Test
    void shouldReleaseAsBeforeWhenNobodyWaitsForTheType() {
        final WindowState waitingForDesks = given(CREATED, SEAT_TAKEN,
                new ResourceAllocated("c5", NOW, "w", "desk-1", "desk", "r5"),
                new WaitlistJoined("c2", NOW, "w", "desk", "r2", 1));

        final Outcome<WindowEvent> release = WindowDecider.decide(waitingForDesks, release("c4", "r1", "seat-1"), NOW);

        assertThat(release.events()).containsExactly(new ResourceReleased("c4", NOW, "w", "seat-1", "seat", "r1"));
        assertThat(release.forwards()).isEmpty();
    }

    @Test
    void shouldLeaveTheLineOnlyForTheSelectionThatWaits() {
        final WindowState waiting = given(CREATED, SEAT_TAKEN, new WaitlistJoined("c2", NOW, "w", "seat", "r2", 1));

        final Outcome<WindowEvent> stale = WindowDecider.decide(waiting, leave("c0", "r2"), NOW);
        final Outcome<WindowEvent> leave = WindowDecider.decide(waiting, leave("c2", "r2"), NOW);
        final Outcome<WindowEvent> again = WindowDecider.decide(fold(waiting, leave), leave("c2", "r2"), NOW);

        assertThat(stale.events()).as("an older selection's leave").isEmpty();
        assertThat(leave.events()).containsExactly(new WaitlistLeft("c2", NOW, "w", "seat", "r2"));
        assertThat(again.events()).as("a leave twice").isEmpty();
        assertThat(fold(waiting, leave).waiting("seat")).isZero();
    }

    private static WindowState given(final WindowEvent... events) {
        return WindowDecider.fold(null, List.of(events));
    }

    private static WindowState fold(final WindowState state, final Outcome<WindowEvent> outcome) {
        return WindowDecider.fold(state, outcome.events());
    }

    private static ForwardWrite waitFor(final String commandId, final String reservationId, final String type) {
        return ForwardWrite.of(commandId, Operation.ALLOCATE_RESOURCE,
                ForwardData.allocateOrWait(reservationId, "w", type, "alice"), 0);
    }

    private static ForwardWrite release(final String commandId, final String reservationId, final String resourceId) {
        return ForwardWrite.of(commandId, Operation.RELEASE_RESOURCE,
                ForwardData.release(reservationId, "w", resourceId, "seat"), 0);
    }

    private static ForwardWrite leave(final String commandId, final String reservationId) {
        return ForwardWrite.of(commandId, Operation.LEAVE_WAITLIST, ForwardData.leave(reservationId, "w", "seat"), 0);
    }
}
