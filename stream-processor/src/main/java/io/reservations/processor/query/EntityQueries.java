package io.reservations.processor.query;

import io.reservations.contract.Bundle;
import io.reservations.contract.CommandResult;
import io.reservations.contract.Reservation;
import io.reservations.contract.Window;
import io.reservations.contract.WindowResource;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.readmodels.OwnerIndexSync;
import io.reservations.processor.readmodels.ReadModelTopology;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowLayout;
import io.reservations.processor.store.WindowSummaries;
import io.reservations.topics.Topics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What the API may read of a partition this instance masters: the contract's views, never the stores' layout.
 * Store exceptions ({@code InvalidStateStoreException} while partitions move) reach the caller.
 */
public final class EntityQueries {

    /** The store whose key metadata tells which instance masters an entity id (every store is partitioned alike). */
    public static final String ROUTING_STORE = StoresAndTopics.RESERVATIONS;
    /** The store whose key metadata tells which instance holds an owner's part of the index (key: the owner). */
    public static final String OWNER_ROUTING_STORE = StoresAndTopics.OWNER_INDEX;
    /** The store whose key metadata tells which instance holds a command's result. */
    public static final String COMMAND_ROUTING_STORE = StoresAndTopics.COMMAND_STATUS;

    private final KafkaStreams shardMasters;
    private final KafkaStreams readModels;
    private final int partition;
    private final OwnerIndexSync indexSync;

    /** @param partition the partition this instance holds, of the store the read was routed by */
    public EntityQueries(final KafkaStreams shardMasters, final KafkaStreams readModels, final int partition,
                         final OwnerIndexSync indexSync) {
        this.shardMasters = shardMasters;
        this.readModels = readModels;
        this.partition = partition;
        this.indexSync = indexSync;
    }

    /**
     * The result of a command, from {@code command.results} (the command-status store keeps its bytes), for the
     * retention; empty also for a record there that is not a result.
     */
    public Optional<CommandResult> commandResult(final String commandId) {
        final byte[] result = this.<byte[]>store(StoresAndTopics.COMMAND_STATUS).get(commandId);
        try {
            return result == null ? Optional.empty()
                    : Optional.of(Topics.COMMAND_RESULTS.valueSerde().deserializer().deserialize(Topics.COMMAND_RESULTS.name(), result));
        } catch (final SerializationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Up to {@code limit} windows of this partition from id {@code fromId} on (null: the first), with their counts;
     * the id the next page starts from, if any.
     */
    public WindowSlice windows(final String fromId, final int limit) {
        final List<WindowSummaries.Summary> windows = WindowSummaries.from(store(StoresAndTopics.WINDOW_INDEX),
                store(StoresAndTopics.WHOLE_WINDOWS), fromId, limit + 1);
        return windows.size() > limit ? new WindowSlice(windows.subList(0, limit), Optional.of(windows.get(limit).id()))
                : new WindowSlice(windows, Optional.empty());
    }

    /**
     * Reservations by owner, from the owner index's partition {@code partition} (this instance must hold it), once
     * the index has every change committed before this call (read-your-writes; after a second's wait, what it has).
     */
    public ReservationListings listings() {
        indexSync.awaitPartition(partition);
        return listingsOf(partition);
    }

    /**
     * As {@link #listings()}, for another partition of the owner index; {@code InvalidStateStoreException} when this
     * instance does not hold it as an active task.
     */
    public ReservationListings listingsOf(final int indexPartition) {
        return new ReservationListings(readModels.store(StoreQueryParameters.fromNameAndType(StoresAndTopics.OWNER_INDEX,
                QueryableStoreTypes.<String, byte[]>keyValueStore()).withPartition(indexPartition)));
    }

    /** The bundles of a partition of the shard masters; {@code InvalidStateStoreException} when not held here. */
    public BundleListings bundlesOf(final int partition) {
        return new BundleListings(shardMasters.store(StoreQueryParameters.fromNameAndType(StoresAndTopics.BUNDLES,
                QueryableStoreTypes.<String, BundleState>keyValueStore()).withPartition(partition)));
    }

    public Optional<Bundle> bundle(final String id) {
        return Optional.ofNullable(this.<BundleState>store(StoresAndTopics.BUNDLES).get(id)).map(BundleState::toView);
    }

    public Optional<Reservation> reservation(final String id) {
        return Optional.ofNullable(this.<ReservationState>store(StoresAndTopics.RESERVATIONS).get(id))
                .map(ReservationState::toView);
    }

    /**
     * The window with its resources in declared order; who holds a resource only where {@code mayKnowHolder}
     * accepts the holding reservation's owner (null when unknown), else {@code held_by} is null.
     */
    public Optional<Window> window(final String id, final Predicate<String> mayKnowHolder) {
        final ReadOnlyKeyValueStore<String, byte[]> index = store(StoresAndTopics.WINDOW_INDEX);
        return Optional.ofNullable(WindowLayout.read(index, store(StoresAndTopics.WHOLE_WINDOWS), id)).map(window ->
                new Window(id, window.resources().stream().map(slot -> view(slot, index, id, mayKnowHolder)).toList()));
    }

    /** Per resource type of the window: how many, and how many are available. */
    public Optional<Availability> availability(final String windowId) {
        final List<WindowLayout.PositionedSlot> all = WindowLayout.slots(store(StoresAndTopics.WINDOW_INDEX),
                store(StoresAndTopics.WHOLE_WINDOWS), windowId, 0, slot -> true, Integer.MAX_VALUE);
        return all == null ? Optional.empty() : Optional.of(Availability.of(windowId,
                all.stream().map(WindowLayout.PositionedSlot::slot).toList(),
                type -> WindowLayout.waiting(store(StoresAndTopics.WINDOW_INDEX), windowId, type)));
    }

    /**
     * Up to {@code limit} resources the filter accepts, from declared position {@code from} on; the holder shown as
     * in {@link #window}.
     */
    public Optional<ResourceSlice> resources(final String windowId, final ResourceFilter filter, final int from,
                                             final int limit, final Predicate<String> mayKnowHolder) {
        final ReadOnlyKeyValueStore<String, byte[]> index = store(StoresAndTopics.WINDOW_INDEX);
        // one more than asked: whether a next page exists
        final List<WindowLayout.PositionedSlot> slots = WindowLayout.slots(index, store(StoresAndTopics.WHOLE_WINDOWS),
                windowId, from, filter, limit + 1);
        if (slots == null) {
            return Optional.empty();
        }
        final List<WindowResource> items = slots.stream().limit(limit)
                .map(positioned -> view(positioned.slot(), index, windowId, mayKnowHolder)).toList();
        return Optional.of(new ResourceSlice(items, slots.size() > limit
                ? OptionalInt.of(slots.get(limit).position()) : OptionalInt.empty()));
    }

    private static WindowResource view(final Slot slot, final ReadOnlyKeyValueStore<String, byte[]> index,
                                       final String windowId, final Predicate<String> mayKnowHolder) {
        final boolean shown = !slot.available() && mayKnowHolder.test(WindowLayout.holderOwner(index, windowId, slot.heldBy()));
        return new WindowResource(slot.id(), slot.type(), slot.available(), shown ? slot.heldBy() : null);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(final String name) {
        return (ReadModelTopology.holds(name) ? readModels : shardMasters).store(StoreQueryParameters.fromNameAndType(
                name, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
    }
}
