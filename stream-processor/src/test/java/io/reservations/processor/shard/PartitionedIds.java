package io.reservations.processor.shard;

import io.reservations.topics.EntityPartitioner;

/** Entity ids that land on a chosen partition, for tests of same- and cross-partition sagas. */
public final class PartitionedIds {

    private PartitionedIds() {
    }

    /** The first id {@code <prefix>-<n>} on {@code partition} of {@code partitions}. */
    public static String onPartition(final String prefix, final int partition, final int partitions) {
        for (int i = 0; ; i++) {
            final String id = prefix + "-" + i;
            if (EntityPartitioner.partitionOf(id, partitions) == partition) {
                return id;
            }
        }
    }
}
