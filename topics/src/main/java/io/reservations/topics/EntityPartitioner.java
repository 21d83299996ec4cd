package io.reservations.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition, and so the shard master, of an entity id: the same murmur2 hash the Kafka producer's default
 * partitioner applies to a String key, so a task can tell whether an entity is its own.
 */
public final class EntityPartitioner {

    private EntityPartitioner() {
    }

    public static int partitionOf(final String entityId, final int partitions) {
        return Utils.toPositive(Utils.murmur2(entityId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
