package io.reservations.processor.shard;

import io.reservations.contract.BundleEvent;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.dedup.CommandRecord;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoreSerde;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowLayout;
import io.reservations.processor.timers.SagaTimer;
import io.reservations.processor.timers.TimerMeters;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The sagas: the four co-partitioned inputs feed one shard master per partition, which owns the reservations,
 * windows and bundles whose ids hash to that partition. Its transactions carry the sagas only: the read models that follow
 * them (command status, owner index) are {@code readmodels.ReadModelTopology}, run apart.
 */
public final class ShardMasterTopology {

    public static final String SHARD_MASTER = "shard-master";
    static final String RESERVATION_EVENTS_SINK = "reservation-events-sink";
    static final String WINDOW_EVENTS_SINK = "window-events-sink";
    static final String BUNDLE_EVENTS_SINK = "bundle-events-sink";
    static final String FORWARD_WRITES_SINK = "forward-writes-sink";
    static final String COMMAND_RESULTS_SINK = "command-results-sink";
    static final String DEAD_LETTERS_SINK = "dead-letters-sink";
    static final String OWNER_INDEX_SINK = "owner-index-sink";

    private static final Duration COMMAND_WINDOW = Duration.ofMillis(1);

    private ShardMasterTopology() {
    }

    public static Topology build(final ShardMasterOptions options) {
        return build(options, StoresAndTopics.DEFAULT_APPLICATION_ID);
    }

    /** @param applicationId the application whose owner-index topic the masters write to */
    public static Topology build(final ShardMasterOptions options, final String applicationId) {
        final Topology topology = new Topology();
        // values stay bytes until the master decodes them, so a poison record is dead-lettered, not fatal
        topology.addSource("reservation-commands-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.RESERVATION_COMMANDS.name());
        topology.addSource("window-commands-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.WINDOW_COMMANDS.name());
        topology.addSource("bundle-commands-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.BUNDLE_COMMANDS.name());
        topology.addSource("forward-writes-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.FORWARD_WRITES.name());

        final ShardMasterMetrics metrics = new ShardMasterMetrics(options.meterRegistry());
        final TimerMeters timerMeters = new TimerMeters(options.meterRegistry());
        topology.addProcessor(SHARD_MASTER, () -> new ShardMasterProcessor(options, metrics, timerMeters),
                "reservation-commands-source", "window-commands-source", "bundle-commands-source", "forward-writes-source");

        // not cached, like every store of the masters but the window index: a saga writes each reservation once
        // per step, in different transactions, so a cache saved no write; its upkeep (a sorted map per task, an
        // eviction per put once full, a flush at every commit) cost 15 % of the stream thread (docs/PERFORMANCE.md)
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoresAndTopics.RESERVATIONS),
                Serdes.String(), new StoreSerde<>(ReservationState.class)), SHARD_MASTER);
        WindowLayout.addTo(topology, SHARD_MASTER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoresAndTopics.BUNDLES),
                Serdes.String(), new StoreSerde<>(BundleState.class)), SHARD_MASTER);
        // not cached: a cached window store's lookup over all time walks its cache one segment (half the retention)
        // at a time from epoch 0, tens of thousands of steps per lookup (the bench's pipeline stalled on it)
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoresAndTopics.PROCESSED_COMMANDS, options.commandRetention(), COMMAND_WINDOW, false),
                Serdes.String(), new StoreSerde<>(CommandRecord.class)), SHARD_MASTER);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoresAndTopics.TIMERS),
                Serdes.String(), new StoreSerde<>(SagaTimer.class)), SHARD_MASTER);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoresAndTopics.MARKS),
                Serdes.String(), Serdes.String()), SHARD_MASTER);
        // the owner index's input: every change of a reservation, keyed by its owner (ReadModelTopology reads it)
        topology.addSink(OWNER_INDEX_SINK, StoresAndTopics.ownerIndexTopic(applicationId), Serdes.String().serializer(),
                new JsonSerde<>(Reservation.class), SHARD_MASTER);

        topology.addSink(RESERVATION_EVENTS_SINK, Topics.RESERVATION_EVENTS.name(), Serdes.String().serializer(),
                new JsonSerde<>(ReservationEvent.class), SHARD_MASTER);
        topology.addSink(WINDOW_EVENTS_SINK, Topics.WINDOW_EVENTS.name(), Serdes.String().serializer(),
                new JsonSerde<>(WindowEvent.class), SHARD_MASTER);
        topology.addSink(BUNDLE_EVENTS_SINK, Topics.BUNDLE_EVENTS.name(), Serdes.String().serializer(),
                new JsonSerde<>(BundleEvent.class), SHARD_MASTER);
        topology.addSink(FORWARD_WRITES_SINK, Topics.FORWARD_WRITES.name(), Serdes.String().serializer(),
                new JsonSerde<>(ForwardWrite.class), SHARD_MASTER);
        topology.addSink(COMMAND_RESULTS_SINK, Topics.COMMAND_RESULTS.name(), Serdes.String().serializer(),
                new JsonSerde<>(CommandResult.class), SHARD_MASTER);
        topology.addSink(DEAD_LETTERS_SINK, Topics.DEAD_LETTERS.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), SHARD_MASTER);
        return topology;
    }
}
