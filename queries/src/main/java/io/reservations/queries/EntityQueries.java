package io.reservations.queries;

import io.reservations.contract.Bundle;
import io.reservations.contract.CommandResult;
import io.reservations.contract.Reservation;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the API may read of one partition held by this instance: the contract's views, never the stores' layout
 * nor Kafka Streams. {@link PartitionUnavailable} when the partition cannot be read here now.
 */
public interface EntityQueries {

    /** The most entries one page of a listing reads, over all the partitions it walks. */
    int SCAN_BUDGET = 5_000;

    /** The result of a command, for the retention; empty also for a record there that is not a result. */
    Optional<CommandResult> commandResult(String commandId);

    Optional<Reservation> reservation(String id);

    Optional<Bundle> bundle(String id);

    /**
     * The window with its resources in declared order, and its version; who holds a resource only where
     * {@code mayKnowHolder} accepts the holding reservation's owner (null when unknown), else {@code held_by} is null.
     */
    Optional<VersionedWindow> window(String id, Predicate<String> mayKnowHolder);

    /** Per resource type of the window: how many, how many are available, how many selections wait. */
    Optional<Availability> availability(String windowId);

    /** Up to {@code limit} resources the filter accepts, from declared position {@code from} on; holders as in {@link #window}. */
    Optional<ResourceSlice> resources(String windowId, ResourceFilter filter, int from, int limit,
                                      Predicate<String> mayKnowHolder);

    /** Up to {@code limit} windows of this partition from id {@code fromId} on (null: the first), with their counts. */
    WindowSlice windows(String fromId, int limit);

    /**
     * Up to {@code limit} of the owner's reservations the filter accepts, in id order from {@code fromId} on (null:
     * the first), once the owner index has every change committed before this call (read-your-writes; after a
     * second's wait, what it has).
     */
    ReservationSlice reservationsOf(String owner, ReservationFilter filter, String fromId, int limit);

    /**
     * Up to {@code limit} reservations of partition {@code partition} of the owner index that the filter accepts, in
     * key order from {@code fromKey} on (null: the first), reading at most {@code budget} entries: everyone's, for
     * admins. {@link PartitionUnavailable} when that partition is not held here.
     */
    ReservationSlice allReservations(int partition, ReservationFilter filter, String fromKey, int limit, int budget);

    /**
     * Up to {@code limit} bundles of partition {@code partition} the filter accepts, in id order from {@code fromId}
     * on (null: the first), reading at most {@code budget}. {@link PartitionUnavailable} when not held here.
     */
    BundleSlice bundles(int partition, BundleFilter filter, String fromId, int limit, int budget);
}
