package io.reservations.topics;

/**
 * How the contract's topics are created on a given cluster.
 *
 * @param partitions        partition count of every topic; the shard-master inputs must all have it
 * @param replicationFactor replication factor, or 0 for min(3, brokers)
 * @param correctDrift      whether an existing topic whose configuration differs from the contract's is changed
 *                          (true) or only reported (false, for clusters whose topics an operator owns)
 */
public record TopicSettings(int partitions, int replicationFactor, boolean correctDrift) {

    public static final int DEFAULT_PARTITIONS = 12;

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        if (replicationFactor < 0) {
            throw new IllegalArgumentException("replication factor must be 0 (automatic) or more");
        }
    }

    /** Existing topics are brought in line with the contract. */
    public TopicSettings(final int partitions, final int replicationFactor) {
        this(partitions, replicationFactor, true);
    }

    public static TopicSettings defaults() {
        return new TopicSettings(DEFAULT_PARTITIONS, 0);
    }

    /** The replication factor to use on a cluster of {@code brokers} brokers. */
    public short replicationFactorFor(final int brokers) {
        return (short) (replicationFactor > 0 ? replicationFactor : Math.min(3, brokers));
    }

    /** Two in-sync replicas once there are three, so one broker may fail without stopping writes. */
    public static int minInSyncReplicasFor(final short replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }
}
