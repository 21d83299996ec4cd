package io.reservations.processor.domain;

import io.reservations.contract.Bundle;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.SelectedResource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A bundle as its master holds it. The bundle's events give its life (status, items, hold, rejection); the saga's
 * bookkeeping is the master's: the resource each item's window gave so far and where ({@code itemWindows}), the
 * moves its items are applying ({@code rounds}), its create command, and its timer's due time (wall clock millis);
 * {@code startedAt} is its BundleStarted's time.
 */
public record BundleState(String id, BundleStatus status, String owner, List<BundleItem> items, String holdFor,
                          Instant holdExpiresAt, String code, String failedReservationId, String createCommandId,
                          Map<String, String> itemWindows, List<SettleRound> rounds, Long dueMillis,
                          Instant startedAt) {

    public BundleState {
        items = List.copyOf(items);
        itemWindows = Map.copyOf(itemWindows == null ? Map.of() : itemWindows);
        rounds = List.copyOf(rounds == null ? List.of() : rounds);
    }

    public Bundle toView() {
        final boolean holding = status == BundleStatus.CONFIRMED || status == BundleStatus.HELD;
        return new Bundle(id, status, holding ? items : items.stream().map(item -> item.holding(null)).toList(), owner,
                status == BundleStatus.HELD ? holdExpiresAt : null, code, failedReservationId);
    }

    /** Whether a caller may see and change it: an admin, or its owner. */
    public boolean accessibleTo(final String subject, final boolean admin) {
        return admin || subject != null && subject.equals(owner);
    }

    Optional<BundleItem> item(final String reservationId) {
        return items.stream().filter(item -> item.reservationId().equals(reservationId)).findFirst();
    }

    boolean allSelected() {
        return items.stream().allMatch(item -> item.selectedResource() != null);
    }

    List<String> itemIds() {
        return items.stream().map(BundleItem::reservationId).toList();
    }

    BundleState with(final BundleStatus newStatus) {
        return new BundleState(id, newStatus, owner, items, holdFor, holdExpiresAt, code, failedReservationId,
                createCommandId, itemWindows, rounds, dueMillis, startedAt);
    }

    BundleState withItems(final List<BundleItem> newItems, final Instant newHoldExpiresAt) {
        return new BundleState(id, status, owner, newItems, holdFor, newHoldExpiresAt, code, failedReservationId,
                createCommandId, itemWindows, rounds, dueMillis, startedAt);
    }

    BundleState rejected(final String rejection, final String reservationId) {
        return new BundleState(id, BundleStatus.REJECTED, owner, items, holdFor, null, rejection, reservationId,
                createCommandId, itemWindows, rounds, dueMillis, startedAt);
    }

    BundleState selected(final String reservationId, final String windowId, final SelectedResource resource) {
        final Map<String, String> windows = new HashMap<>(itemWindows);
        windows.put(reservationId, windowId);
        return new BundleState(id, status, owner, items.stream().map(item -> item.reservationId().equals(reservationId)
                ? item.holding(resource) : item).toList(), holdFor, holdExpiresAt, code, failedReservationId,
                createCommandId, windows, rounds, dueMillis, startedAt);
    }

    BundleState withRounds(final UnaryOperator<List<SettleRound>> change) {
        return new BundleState(id, status, owner, items, holdFor, holdExpiresAt, code, failedReservationId,
                createCommandId, itemWindows, change.apply(rounds), dueMillis, startedAt);
    }

    /** The same state with its timer due at {@code millis} (null: none), as the master sets it. */
    public BundleState dueAt(final Long millis) {
        return new BundleState(id, status, owner, items, holdFor, holdExpiresAt, code, failedReservationId,
                createCommandId, itemWindows, rounds, millis, startedAt);
    }
}
