package io.reservations.containers;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** Which partition an entity id lives on, as the Java client's default partitioner places its key. */
final class Partitions {

    static final int COUNT = 12;

    private Partitions() {
    }

    static int of(final String id) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % COUNT;
    }

    /** The first id {@code prefix-<n>} on a partition other than {@code id}'s. */
    static String elsewhere(final String prefix, final String id) {
        for (int n = 0; ; n++) {
            final String candidate = prefix + "-" + n;
            if (of(candidate) != of(id)) {
                return candidate;
            }
        }
    }
}
