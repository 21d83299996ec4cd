package io.reservations.processor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.BundleForwards;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.Window;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.contract.WindowResource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowDeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final List<ResourceSpec> RESOURCES = List.of(
            new ResourceSpec("desk-1", "desk"), new ResourceSpec("seat-1", "seat"), new ResourceSpec("seat-2", "seat"));
    private static final WindowEvent CREATED = new WindowCreated("c0", NOW, "w", RESOURCES);

    @Test
    void shouldCreateAWindowWithEveryResourceAvailable() {
        final Outcome<WindowEvent> outcome = WindowDecider.decide(null, new CreateWindow("c0", "w", RESOURCES), NOW);

        assertThat(outcome.events()).containsExactly(CREATED);
        assertThat(outcome.result()).isEqualTo(CommandResult.succeeded("c0", new Window("w", List.of(
                new WindowResource("desk-1", "desk", true, null),
                new WindowResource("seat-1", "seat", true, null),
                new WindowResource("seat-2", "seat", true, null)))));
    }

    @Test
    void shouldRejectCreatingAnExistingWindow() {
        final Outcome<WindowEvent> outcome = WindowDecider.decide(given(CREATED), new CreateWindow("c9", "w", RESOURCES), NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.result()).isEqualTo(CommandResult.rejected("c9", ErrorCode.WINDOW_EXISTS.slug()));
    }

    @Test
    void shouldAllocateTheFirstAvailableResourceOfTheTypeInDeclaredOrder() {
        final Outcome<WindowEvent> first = WindowDecider.decide(given(CREATED), allocate("c1", "r1", "seat"), NOW);

        assertThat(first.events()).containsExactly(new ResourceAllocated("c1", NOW, "w", "seat-1", "seat", "r1"));
        assertThat(first.forwards()).containsExactly(
                EntityWrite.of(Operation.CONFIRM_SELECTION, ForwardData.confirm("r1", "w", "seat-1", "seat")));

        final WindowState afterFirst = WindowDecider.fold(given(CREATED), first.events());
        final Outcome<WindowEvent> second = WindowDecider.decide(afterFirst, allocate("c2", "r2", "seat"), NOW);
        assertThat(second.events()).containsExactly(new ResourceAllocated("c2", NOW, "w", "seat-2", "seat", "r2"));
    }

    @Test
    void shouldRejectSelectionWhenNoResourceIsAvailable() {
        final WindowState full = given(CREATED,
                new ResourceAllocated("c1", NOW, "w", "seat-1", "seat", "r1"),
                new ResourceAllocated("c2", NOW, "w", "seat-2", "seat", "r2"));

        final Outcome<WindowEvent> outcome = WindowDecider.decide(full, allocate("c3", "r3", "seat"), NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.forwards()).containsExactly(EntityWrite.of(Operation.REJECT_SELECTION,
                ForwardData.reject("r3", "w", ErrorCode.NO_RESOURCE_AVAILABLE.slug())));
    }

    @Test
    void shouldRejectSelectionOfATypeTheWindowDoesNotHave() {
        final Outcome<WindowEvent> outcome = WindowDecider.decide(given(CREATED), allocate("c3", "r3", "lamp"), NOW);

        assertThat(outcome.forwards()).containsExactly(EntityWrite.of(Operation.REJECT_SELECTION,
                ForwardData.reject("r3", "w", ErrorCode.NO_RESOURCE_AVAILABLE.slug())));
    }

    @Test
    void shouldRejectSelectionWhenTheWindowIsMissing() {
        final Outcome<WindowEvent> outcome = WindowDecider.decide(null, allocate("c3", "r3", "seat"), NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.forwards()).containsExactly(EntityWrite.of(Operation.REJECT_SELECTION,
                ForwardData.reject("r3", "w", ErrorCode.WINDOW_NOT_FOUND.slug())));
    }

    @Test
    void shouldAnswerABundlesItemToTheBundle() {
        final WindowState window = given(CREATED);

        final Outcome<WindowEvent> given = WindowDecider.decide(window, ForwardWrite.of("c1",
                Operation.ALLOCATE_RESOURCE, BundleForwards.allocateForBundle("r1", "w", "seat", "alice", "b"), 0), NOW);
        final Outcome<WindowEvent> refused = WindowDecider.decide(window, ForwardWrite.of("c1",
                Operation.ALLOCATE_RESOURCE, BundleForwards.allocateForBundle("r1", "w", "lamp", "alice", "b"), 0), NOW);

        assertThat(given.forwards()).containsExactly(EntityWrite.of(Operation.BUNDLE_ITEM_SELECTED,
                BundleForwards.itemSelected("b", "r1", "w", "seat-1", "seat")));
        assertThat(refused.forwards()).containsExactly(EntityWrite.of(Operation.BUNDLE_ITEM_REJECTED,
                BundleForwards.itemRejected("b", "r1", ErrorCode.NO_RESOURCE_AVAILABLE.slug())));
    }

    @Test
    void shouldNeverHandAnEarlierSelectionsResourceToALaterOneOfTheSameReservation() {
        // seat-1 went to r1's first selection, whose answer is late (its deadline passed): a second selection gets
        // another seat, and the first one's late answer gives seat-1 back without touching the second's
        final WindowState held = given(CREATED, new ResourceAllocated("c1", NOW, "w", "seat-1", "seat", "r1"));

        final Outcome<WindowEvent> outcome = WindowDecider.decide(held, allocate("c2", "r1", "seat"), NOW);

        assertThat(outcome.events()).containsExactly(new ResourceAllocated("c2", NOW, "w", "seat-2", "seat", "r1"));
        assertThat(outcome.forwards()).containsExactly(
                EntityWrite.of(Operation.CONFIRM_SELECTION, ForwardData.confirm("r1", "w", "seat-2", "seat")));
    }

    @Test
    void shouldReleaseTheResourceHeldByTheReservation() {
        final WindowState held = given(CREATED, new ResourceAllocated("c1", NOW, "w", "seat-1", "seat", "r1"));

        final Outcome<WindowEvent> outcome = WindowDecider.decide(held, release("c2", "r1", "seat-1"), NOW);

        assertThat(outcome.events()).containsExactly(new ResourceReleased("c2", NOW, "w", "seat-1", "seat", "r1"));
        assertThat(WindowDecider.fold(held, outcome.events())).isEqualTo(given(CREATED));
    }

    @Test
    void shouldIgnoreAReleaseOfAResourceTheReservationDoesNotHold() {
        final WindowState heldByOther = given(CREATED, new ResourceAllocated("c1", NOW, "w", "seat-1", "seat", "r1"));

        assertThat(WindowDecider.decide(heldByOther, release("c2", "r2", "seat-1"), NOW).events()).isEmpty();
        assertThat(WindowDecider.decide(given(CREATED), release("c2", "r1", "seat-1"), NOW).events()).isEmpty();
        assertThat(WindowDecider.decide(null, release("c2", "r1", "seat-1"), NOW).events()).isEmpty();
    }

    private static WindowState given(final WindowEvent... events) {
        return WindowDecider.fold(null, List.of(events));
    }

    private static ForwardWrite allocate(final String commandId, final String reservationId, final String type) {
        return ForwardWrite.of(commandId, Operation.ALLOCATE_RESOURCE, ForwardData.allocate(reservationId, "w", type), 0);
    }

    private static ForwardWrite release(final String commandId, final String reservationId, final String resourceId) {
        return ForwardWrite.of(commandId, Operation.RELEASE_RESOURCE,
                ForwardData.release(reservationId, "w", resourceId, "seat"), 0);
    }
}
