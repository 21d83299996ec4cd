package io.reservations.processor.shard;

import static io.reservations.processor.shard.ShardMasterDriver.onPartition;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.Bundle;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.CancelBundle;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ConfirmBundle;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoresAndTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bundles through the shard masters' topology: the bundle, its items and their windows on different partitions;
 * all or none, holds owned by the bundle, and items that refuse their own moves while the bundle moves them.
 */
class BundleTopologyTest {

    private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

    private ShardMasterDriver masters;
    private String seats;
    private String desks;
    private String first;
    private String second;

    @BeforeEach
    void startDriver() {
        masters = new ShardMasterDriver(START, Duration.ZERO, new SimpleMeterRegistry());
        seats = onPartition("seats", 1);
        desks = onPartition("desks", 2);
        masters.createWindow(seats, "seat");
        masters.createWindow(desks, "desk");
        first = reservation(onPartition("first", 3), seats);
        second = reservation(onPartition("second", 4), desks);
        masters.windowEvents().readValuesToList(); // the windows' creation
    }

    @AfterEach
    void closeDriver() {
        masters.close();
    }

    @Test
    void shouldConfirmEveryItemOnceAllHaveTheirResource() {
        final CommandResult result = masters.send(create("b", null));

        assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED);
        final Bundle bundle = (Bundle) result.entity();
        assertThat(bundle.status()).isEqualTo(BundleStatus.CONFIRMED);
        assertThat(bundle.items()).containsExactly(
                new BundleItem(first, "seat", new SelectedResource("seat-0", "seat")),
                new BundleItem(second, "desk", new SelectedResource("desk-0", "desk")));
        assertThat(view(first)).isEqualTo(new Reservation(first, seats, ReservationStatus.CONFIRMED,
                new SelectedResource("seat-0", "seat"), null, null, null, bundleId()));
        assertThat(view(second).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(masters.bundleEventTypes()).containsExactly("BundleStarted", "BundleConfirmed");
        assertThat(masters.windowEventTypes()).containsExactly("ResourceAllocated", "ResourceAllocated");
        assertThat(masters.driver().producedTopicNames()).as("its deadline kept in its state, no timer entry")
                .noneMatch(topic -> topic.endsWith(StoresAndTopics.TIMERS + "-changelog"));
    }

    @Test
    void shouldRejectAndReleaseEveryItemWhenOneIsRefused() {
        final String taker = reservation(onPartition("taker", 5), desks);
        masters.select(taker, "desk"); // the only desk
        masters.windowEvents().readValuesToList();

        final CommandResult result = masters.send(create("b", null));

        assertThat(result.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(result.code()).isEqualTo(ErrorCode.NO_RESOURCE_AVAILABLE.slug());
        final Bundle bundle = (Bundle) result.entity();
        assertThat(bundle.failedReservationId()).isEqualTo(second);
        assertThat(bundle.items()).allSatisfy(item -> assertThat(item.selectedResource()).isNull());
        assertThat(masters.windowEventTypes()).as("the seat given to the first item, given back")
                .containsExactly("ResourceAllocated", "ResourceReleased");
        assertThat(masters.windows().get(seats).resources().get(0).heldBy()).isNull();
        for (final String item : List.of(first, second)) {
            assertThat(view(item).status()).isEqualTo(ReservationStatus.PENDING);
            assertThat(view(item).bundleId()).as("out of the rejected bundle").isNull();
        }
        assertThat(masters.select(first, "seat").status()).as("an ordinary reservation again")
                .isEqualTo(CommandStatus.SUCCEEDED);
    }

    @Test
    void shouldRefuseAnItemCancelledBeforeTheBundleReachesIt() {
        masters.cancel(second);

        final CommandResult result = masters.send(create("b", null));

        assertThat(result.code()).isEqualTo(ErrorCode.RESERVATION_CANCELLED.slug());
        assertThat(((Bundle) result.entity()).failedReservationId()).isEqualTo(second);
        assertThat(view(second).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(masters.windows().get(seats).resources().get(0).heldBy()).isNull();
    }

    @Test
    void shouldRefuseAnotherOwnersReservationAsNotFound() {
        final String alices = onPartition("alices", 6);
        masters.send(new CreateReservation(masters.nextCommandId(), alices, seats, null, "alice"));

        final CommandResult result = masters.send(new CreateBundle(masters.nextCommandId(), "b",
                List.of(new BundleItem(alices, "seat"), new BundleItem(second, "desk")), null, null, "mallory", false));

        assertThat(result.code()).isEqualTo(ErrorCode.RESERVATION_NOT_FOUND.slug());
        assertThat(view(alices).status()).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void shouldHoldEveryItemAndConfirmThemAllBeforeTheHoldsEnd() {
        final Bundle held = (Bundle) masters.send(create("b", "PT10M")).entity();
        assertThat(held.status()).isEqualTo(BundleStatus.HELD);
        assertThat(held.holdExpiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(view(first).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(view(first).holdExpiresAt()).isEqualTo(held.holdExpiresAt());
        assertThat(masters.send(new SelectResource(masters.nextCommandId(), first, "seat")).code())
                .as("an item's own moves, while its bundle moves it").isEqualTo(ErrorCode.IN_BUNDLE.slug());
        assertThat(masters.cancel(first).code()).isEqualTo(ErrorCode.IN_BUNDLE.slug());

        final CommandResult confirmed = masters.send(new ConfirmBundle(masters.nextCommandId(), "b", null, null, true));

        assertThat(((Bundle) confirmed.entity()).status()).isEqualTo(BundleStatus.CONFIRMED);
        assertThat(view(first).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(view(second).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(masters.cancel(first).status()).as("once confirmed, an ordinary reservation")
                .isEqualTo(CommandStatus.SUCCEEDED);
    }

    @Test
    void shouldExpireEveryItemAndReleaseItsResourceAtTheHoldsEnd() {
        masters.send(create("b", "PT1M"));
        masters.windowEvents().readValuesToList();

        masters.advanceWallClockTime(Duration.ofMinutes(2));

        assertThat(masters.bundles().get("b").status()).isEqualTo(BundleStatus.EXPIRED);
        assertThat(view(first).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(view(second).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(masters.windowEventTypes()).containsExactly("ResourceReleased", "ResourceReleased");
        assertThat(masters.send(new ConfirmBundle(masters.nextCommandId(), "b", null, null, true)).code())
                .isEqualTo(ErrorCode.HOLD_EXPIRED.slug());
    }

    @Test
    void shouldCancelEveryItemStillActive() {
        masters.send(create("b", null));
        masters.cancel(first); // one by one, once the bundle is confirmed
        masters.windowEvents().readValuesToList();

        final CommandResult cancelled = masters.send(new CancelBundle(masters.nextCommandId(), "b", null, null, true));

        assertThat(((Bundle) cancelled.entity()).status()).isEqualTo(BundleStatus.CANCELLED);
        assertThat(view(second).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(masters.windowEventTypes()).as("only the desk was still held").containsExactly("ResourceReleased");
        assertThat(masters.send(new CancelBundle(masters.nextCommandId(), "b", null, null, true)).code())
                .isEqualTo(ErrorCode.BUNDLE_CANCELLED.slug());
    }

    @Test
    void shouldGiveTheLastResourcesToOneOfTwoRacingBundlesAndNothingToTheOther() {
        final String third = reservation(onPartition("third", 7), seats);
        final String fourth = reservation(onPartition("fourth", 8), desks);

        final CommandResult winner = masters.send(create("a", null));
        final CommandResult loser = masters.send(new CreateBundle(masters.nextCommandId(), "z",
                List.of(new BundleItem(third, "seat"), new BundleItem(fourth, "desk")), null, null, null, true));

        assertThat(winner.status()).isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(loser.code()).isEqualTo(ErrorCode.NO_RESOURCE_AVAILABLE.slug());
        assertThat(List.of(view(third).status(), view(fourth).status())).containsOnly(ReservationStatus.PENDING);
        assertThat(masters.windows().get(seats).resources().get(0).heldBy()).isEqualTo(first);
        assertThat(masters.windows().get(desks).resources().get(0).heldBy()).isEqualTo(second);
    }

    @Test
    void shouldAnswerARetriedCreateWithItsResultAndABundleIdTakenWithBundleExists() {
        final CreateBundle create = create("b", null);
        final CommandResult result = masters.send(create);

        assertThat(masters.send(create)).isEqualTo(result);
        assertThat(masters.send(create("b", null)).code()).isEqualTo(ErrorCode.BUNDLE_EXISTS.slug());
        assertThat(masters.send(new CreateBundle(masters.nextCommandId(), "one", List.of(new BundleItem(first, "seat")),
                null, null, null, true)).code()).as("fewer than two items").isEqualTo(ErrorCode.INVALID.slug());
    }

    private CreateBundle create(final String id, final String holdFor) {
        return new CreateBundle(masters.nextCommandId(), id,
                List.of(new BundleItem(first, "seat"), new BundleItem(second, "desk")), holdFor, null, null, true);
    }

    private String reservation(final String id, final String window) {
        masters.createReservation(id, window);
        return id;
    }

    private Reservation view(final String reservationId) {
        final ReservationState state = masters.reservations().get(reservationId);
        return state.toView();
    }

    private static String bundleId() {
        return "b";
    }
}
