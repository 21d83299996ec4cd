package io.reservations.topics;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What one owner keeps, counted by the read models from the owner index and published, keyed by owner, to a
 * compacted topic that every API instance reads to check the owner's quotas without a hop. A missing key (or a
 * tombstone) is an owner who keeps nothing.
 *
 * @param openReservations reservations not settled yet: {@code PENDING} or {@code HELD}
 * @param activeHolds      reservations {@code HELD}
 * @param windows          windows the owner created
 */
public record OwnerUsage(long openReservations, long activeHolds, long windows) {

    public static final OwnerUsage NONE = new OwnerUsage(0, 0, 0);

    /** The topic, internal to the processor's application (its ACLs cover it); the API only reads it. */
    public static TopicSpec<String, OwnerUsage> topic(final String applicationId) {
        return new TopicSpec<>(applicationId + "-owner-usage", Serdes.String(), new JsonSerde<>(OwnerUsage.class),
                false, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(Duration.ZERO.toMillis())));
    }

    public OwnerUsage plus(final OwnerUsage other) {
        return new OwnerUsage(openReservations + other.openReservations, activeHolds + other.activeHolds,
                windows + other.windows);
    }

    public OwnerUsage minus(final OwnerUsage other) {
        return new OwnerUsage(openReservations - other.openReservations, activeHolds - other.activeHolds,
                windows - other.windows);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
