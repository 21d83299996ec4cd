package io.reservations.processor.query;

import io.reservations.contract.Bundle;
import io.reservations.contract.CommandResult;
import io.reservations.contract.Reservation;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.readmodels.OwnerIndexSync;
import io.reservations.processor.readmodels.ReadModelTopology;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.queries.Availability;
import io.reservations.queries.BundleFilter;
import io.reservations.queries.BundleSlice;
import io.reservations.queries.EntityQueries;
import io.reservations.queries.PartitionUnavailable;
import io.reservations.queries.ReservationFilter;
import io.reservations.queries.ReservationSlice;
import io.reservations.queries.ResourceFilter;
import io.reservations.queries.ResourceSlice;
import io.reservations.queries.Routing;
import io.reservations.queries.VersionedWindow;
import io.reservations.queries.WindowSlice;
import io.reservations.topics.Topics;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The query interface answered from the stores of one partition this instance holds (interactive queries). */
public final class StoreQueries implements EntityQueries {

    /** The store whose key metadata tells which instance answers a read routed so (each kind is partitioned alike). */
    public static String routingStore(final Routing routing) {
        return switch (routing) {
            case ENTITY -> StoresAndTopics.RESERVATIONS;
            case OWNER -> StoresAndTopics.OWNER_INDEX;
            case COMMAND -> StoresAndTopics.COMMAND_STATUS;
        };
    }

    private final KafkaStreams shardMasters;
    private final KafkaStreams readModels;
    private final int partition;
    private final OwnerIndexSync indexSync;

    /** @param partition the partition this instance holds, of the store the read was routed by */
    public StoreQueries(final KafkaStreams shardMasters, final KafkaStreams readModels, final int partition,
                        final OwnerIndexSync indexSync) {
        this.shardMasters = shardMasters;
        this.readModels = readModels;
        this.partition = partition;
        this.indexSync = indexSync;
    }

    /** From {@code command.results}' bytes, which the command-status store keeps. */
    @Override
    public Optional<CommandResult> commandResult(final String commandId) {
        final byte[] result = reading(partition, () -> this.<byte[]>store(StoresAndTopics.COMMAND_STATUS, partition)
                .get(commandId));
        try {
            return result == null ? Optional.empty() : Optional.of(Topics.COMMAND_RESULTS.valueSerde().deserializer()
                    .deserialize(Topics.COMMAND_RESULTS.name(), result));
        } catch (final SerializationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Reservation> reservation(final String id) {
        return reading(partition, () -> Optional.ofNullable(this.<ReservationState>store(StoresAndTopics.RESERVATIONS,
                partition).get(id)).map(ReservationState::toView));
    }

    @Override
    public Optional<Bundle> bundle(final String id) {
        return reading(partition, () -> Optional.ofNullable(this.<BundleState>store(StoresAndTopics.BUNDLES, partition)
                .get(id)).map(BundleState::toView));
    }

    @Override
    public Optional<VersionedWindow> window(final String id, final Predicate<String> mayKnowHolder) {
        return reading(partition, () -> windowViews().window(id, mayKnowHolder));
    }

    @Override
    public Optional<Availability> availability(final String windowId) {
        return reading(partition, () -> windowViews().availability(windowId));
    }

    @Override
    public Optional<ResourceSlice> resources(final String windowId, final ResourceFilter filter, final int from,
                                             final int limit, final Predicate<String> mayKnowHolder) {
        return reading(partition, () -> windowViews().resources(windowId, filter, from, limit, mayKnowHolder));
    }

    @Override
    public WindowSlice windows(final String fromId, final int limit) {
        return reading(partition, () -> windowViews().windows(fromId, limit));
    }

    @Override
    public ReservationSlice reservationsOf(final String owner, final ReservationFilter filter, final String fromId,
                                           final int limit) {
        indexSync.awaitPartition(partition);
        return reading(partition, () -> new ReservationListings(store(StoresAndTopics.OWNER_INDEX, partition))
                .reservationsOf(owner, filter, fromId, limit));
    }

    @Override
    public ReservationSlice allReservations(final int indexPartition, final ReservationFilter filter,
                                            final String fromKey, final int limit, final int budget) {
        return reading(indexPartition, () -> new ReservationListings(store(StoresAndTopics.OWNER_INDEX, indexPartition))
                .allReservations(filter, fromKey, limit, budget));
    }

    @Override
    public BundleSlice bundles(final int bundlePartition, final BundleFilter filter, final String fromId,
                               final int limit, final int budget) {
        return reading(bundlePartition, () -> new BundleListings(store(StoresAndTopics.BUNDLES, bundlePartition))
                .page(filter, fromId, limit, budget));
    }

    private WindowViews windowViews() {
        return new WindowViews(store(StoresAndTopics.WINDOW_INDEX, partition),
                store(StoresAndTopics.WHOLE_WINDOWS, partition));
    }

    /**
     * Runs a read of {@code ofPartition}: Kafka Streams tells that this instance does not hold it as an active task
     * (or that it is moving) only when a store is used, not when it is looked up.
     */
    private static <T> T reading(final int ofPartition, final Supplier<T> read) {
        try {
            return read.get();
        } catch (final InvalidStateStoreException e) {
            throw new PartitionUnavailable("Partition " + ofPartition + " is not readable here now", e);
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(final String name, final int ofPartition) {
        return (ReadModelTopology.holds(name) ? readModels : shardMasters).store(StoreQueryParameters
                .fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(ofPartition));
    }
}
