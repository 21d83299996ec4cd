package io.reservations.api.support;

import io.reservations.topics.EntityPartitioner;

/** Entity ids chosen by the partition they hash to. */
public final class Ids {

    private Ids() {
    }

    public static String onPartition(final String prefix, final int partition, final int partitions) {
        for (int i = 0; ; i++) {
            final String id = prefix + "-" + i;
            if (EntityPartitioner.partitionOf(id, partitions) == partition) {
                return id;
            }
        }
    }
}
