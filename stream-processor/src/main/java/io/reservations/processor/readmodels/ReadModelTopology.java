package io.reservations.processor.readmodels;

import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.shard.ShardMasterTopology;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.OwnerUsage;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The read models that follow the sagas, outside their transactions: the command status (every result by command
 * id, from {@code command.results}) and the owner index (reservations by owner, from the shard masters' owner-index
 * topic, which also counts what each owner keeps for the quotas and publishes it: {@link OwnerUsage}). They run
 * as an application of their own ({@link StoresAndTopics#readModelsApplicationId}), with its own commit cadence and lag,
 * so a saga's transaction writes neither their changelogs nor their offsets, and the shard masters' loop does not
 * pass over their tasks.
 */
public final class ReadModelTopology {

    private static final String COMMAND_RESULTS_SOURCE = "command-results-source";
    private static final String OWNER_INDEX_SOURCE = "owner-index-source";

    private ReadModelTopology() {
    }

    /**
     * @param shardMastersApplicationId the application whose owner-index topic the index reads
     * @param commandRetention          how long a command's status is kept (the de-duplication retention)
     * @param indexSync                 where the owner index reports the records it processed (read-your-writes)
     */
    public static Topology build(final String shardMastersApplicationId, final Duration commandRetention,
                                 final OwnerIndexSync indexSync) {
        return addTo(new Topology(), shardMastersApplicationId, commandRetention, indexSync);
    }

    /** Adds both read models to {@code topology}: in TopologyTestDriver, beside the shard masters that feed them. */
    public static Topology addTo(final Topology topology, final String shardMastersApplicationId,
                                 final Duration commandRetention, final OwnerIndexSync indexSync) {
        // command.results is the store's changelog: the store holds exactly the topic's keys and values
        topology.addReadOnlyStateStore(Stores.timestampedKeyValueStoreBuilder(
                        Stores.persistentTimestampedKeyValueStore(StoresAndTopics.COMMAND_STATUS),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                COMMAND_RESULTS_SOURCE, null, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.COMMAND_RESULTS.name(), "command-status-updater", () -> new CommandStatusUpdater(commandRetention));

        topology.addSource(OWNER_INDEX_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                StoresAndTopics.ownerIndexTopic(shardMastersApplicationId));
        topology.addProcessor("owner-index-updater", () -> new OwnerIndexUpdater(indexSync), OWNER_INDEX_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoresAndTopics.OWNER_INDEX),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), "owner-index-updater");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoresAndTopics.WINDOWS_BY_CREATOR),
                Serdes.String(), Serdes.ByteArray()), "owner-index-updater");
        final TopicSpec<String, OwnerUsage> usage = OwnerUsage.topic(shardMastersApplicationId);
        topology.addSink("owner-usage-sink", usage.name(), usage.keySerde().serializer(),
                usage.valueSerde().serializer(), "owner-index-updater");
        return topology;
    }

    /** Whether {@code store} is one of the read models' (else the shard masters' application holds it). */
    public static boolean holds(final String store) {
        return StoresAndTopics.COMMAND_STATUS.equals(store) || StoresAndTopics.OWNER_INDEX.equals(store)
                || StoresAndTopics.WINDOWS_BY_CREATOR.equals(store);
    }

    /** Both read models beside the shard masters, for TopologyTestDriver (the default application id). */
    public static Topology withShardMasters(final ShardMasterOptions options, final OwnerIndexSync indexSync) {
        return addTo(ShardMasterTopology.build(options), StoresAndTopics.DEFAULT_APPLICATION_ID,
                options.commandRetention(), indexSync);
    }
}
