package io.reservations.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract: its name, serdes and the configuration it is created with.
 *
 * @param coPartitioned whether the topic is an input of the shard masters and must share their partition count
 * @param configs       topic configs besides {@code min.insync.replicas}, which follows the replication factor
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean coPartitioned,
                              Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
