package io.reservations.processor.shard;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoreSerde;
import io.reservations.processor.store.WindowLayout;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The sagas: the three co-partitioned inputs feed one shard master per partition, which owns the reservations and
 * windows whose ids hash to that partition. Its transactions carry the sagas only: the read models that follow
 * them (command status, owner index) are {@link ReadModelTopology}, run apart.
 */
public final class ShardMasterTopology {

    public static final String RESERVATIONS_STORE = "reservations";
    public static final String PROCESSED_COMMANDS_STORE = "processed-commands";
    /** Every command's result by command id, read from {@code command.results}: its status from any instance. */
    public static final String COMMAND_STATUS_STORE = "command-status";
    /** Reservations by owner ({@code <owner>|<id>}), partitioned by owner: one owner's listing reads one place. */
    public static final String OWNER_INDEX_STORE = "reservations-by-owner";
    /** Windows by their creator ({@code <creator>|<window id>}), beside the owner index: the quota of windows. */
    public static final String WINDOWS_BY_CREATOR_STORE = "windows-by-creator";
    /** Marks of one-time work done in a partition (the owner index built over older reservations). */
    static final String MARKS_STORE = "shard-marks";
    /** Holds' ends by due time (see SagaTimers); selections' deadlines too, as versions before 2026-12-02 kept them. */
    public static final String TIMERS_STORE = "saga-timers";

    static final String SHARD_MASTER = "shard-master";
    static final String RESERVATION_EVENTS_SINK = "reservation-events-sink";
    static final String WINDOW_EVENTS_SINK = "window-events-sink";
    static final String FORWARD_WRITES_SINK = "forward-writes-sink";
    static final String COMMAND_RESULTS_SINK = "command-results-sink";
    static final String DEAD_LETTERS_SINK = "dead-letters-sink";
    static final String OWNER_INDEX_SINK = "owner-index-sink";
    /** The application's default id, whose owner-index topic a topology built without one uses. */
    static final String DEFAULT_APPLICATION_ID = "reservation-processor";

    private static final Duration COMMAND_WINDOW = Duration.ofMillis(1);

    private ShardMasterTopology() {
    }

    /** An owner's key in the index: the owner, or {@code ~} for reservations recorded without one (admins see them). */
    public static String ownerKey(final String owner) {
        return owner == null ? "~" : owner;
    }

    /**
     * The internal topic that carries reservations to their owner's partition of the index (named after the
     * shard masters' application, which writes it).
     */
    public static String ownerIndexTopic(final String applicationId) {
        return applicationId + "-reservations-by-owner";
    }

    public static Topology build(final ShardMasterOptions options) {
        return build(options, DEFAULT_APPLICATION_ID);
    }

    /** @param applicationId the application whose owner-index topic the masters write to */
    public static Topology build(final ShardMasterOptions options, final String applicationId) {
        final Topology topology = new Topology();
        // values stay bytes until the master decodes them, so a poison record is dead-lettered, not fatal
        topology.addSource("reservation-commands-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.RESERVATION_COMMANDS.name());
        topology.addSource("window-commands-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.WINDOW_COMMANDS.name());
        topology.addSource("forward-writes-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.FORWARD_WRITES.name());

        final ShardMasterMetrics metrics = new ShardMasterMetrics(options.meterRegistry());
        topology.addProcessor(SHARD_MASTER, () -> new ShardMasterProcessor(options, metrics),
                "reservation-commands-source", "window-commands-source", "forward-writes-source");

        // not cached, like every store of the masters but the window index: a saga writes each reservation once
        // per step, in different transactions, so a cache saved no write; its upkeep (a sorted map per task, an
        // eviction per put once full, a flush at every commit) cost 15 % of the stream thread (docs/PERFORMANCE.md)
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESERVATIONS_STORE),
                Serdes.String(), new StoreSerde<>(ReservationState.class)), SHARD_MASTER);
        WindowLayout.addTo(topology, SHARD_MASTER);
        // not cached: a cached window store's lookup over all time walks its cache one segment (half the retention)
        // at a time from epoch 0, tens of thousands of steps per lookup (the bench's pipeline stalled on it)
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(PROCESSED_COMMANDS_STORE, options.commandRetention(), COMMAND_WINDOW, false),
                Serdes.String(), new StoreSerde<>(CommandRecord.class)), SHARD_MASTER);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMERS_STORE),
                Serdes.String(), new StoreSerde<>(SagaTimer.class)), SHARD_MASTER);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MARKS_STORE),
                Serdes.String(), Serdes.String()), SHARD_MASTER);
        // the owner index's input: every change of a reservation, keyed by its owner (ReadModelTopology reads it)
        topology.addSink(OWNER_INDEX_SINK, ownerIndexTopic(applicationId), Serdes.String().serializer(),
                new JsonSerde<>(Reservation.class), SHARD_MASTER);

        topology.addSink(RESERVATION_EVENTS_SINK, Topics.RESERVATION_EVENTS.name(), Serdes.String().serializer(),
                new JsonSerde<>(ReservationEvent.class), SHARD_MASTER);
        topology.addSink(WINDOW_EVENTS_SINK, Topics.WINDOW_EVENTS.name(), Serdes.String().serializer(),
                new JsonSerde<>(WindowEvent.class), SHARD_MASTER);
        topology.addSink(FORWARD_WRITES_SINK, Topics.FORWARD_WRITES.name(), Serdes.String().serializer(),
                new JsonSerde<>(ForwardWrite.class), SHARD_MASTER);
        topology.addSink(COMMAND_RESULTS_SINK, Topics.COMMAND_RESULTS.name(), Serdes.String().serializer(),
                new JsonSerde<>(CommandResult.class), SHARD_MASTER);
        topology.addSink(DEAD_LETTERS_SINK, Topics.DEAD_LETTERS.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), SHARD_MASTER);
        return topology;
    }
}
