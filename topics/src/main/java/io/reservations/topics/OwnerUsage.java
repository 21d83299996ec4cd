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
 * @param openReservations reservations not settled yet: {@code PENDING}, {@code HELD} or {@code WAITLISTED}
 * @param activeHolds      reservations {@code HELD}
 * @param windows          windows the owner created
 * @param waitlistPlaces   reservations {@code WAITLISTED} (absent in counts published before the waitlist: none)
 */
public record OwnerUsage(long openReservations, long activeHolds, long windows, Long waitlistPlaces) {

    public static final OwnerUsage NONE = new OwnerUsage(0, 0, 0);

    public OwnerUsage {
        waitlistPlaces = waitlistPlaces == null ? 0L : waitlistPlaces;
    }

    public OwnerUsage(final long openReservations, final long activeHolds, final long windows) {
        this(openReservations, activeHolds, windows, 0L);
    }

    /** The topic, internal to the processor's application (its ACLs cover it); the API only reads it. */
    public static TopicSpec<String, OwnerUsage> topic(final String applicationId) {
        return new TopicSpec<>(applicationId + "-owner-usage", Serdes.String(), new JsonSerde<>(OwnerUsage.class),
                false, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(Duration.ZERO.toMillis())));
    }

    public OwnerUsage plus(final OwnerUsage other) {
        return new OwnerUsage(openReservations + other.openReservations, activeHolds + other.activeHolds,
                windows + other.windows, waitlistPlaces + other.waitlistPlaces);
    }

    public OwnerUsage minus(final OwnerUsage other) {
        return new OwnerUsage(openReservations - other.openReservations, activeHolds - other.activeHolds,
                windows - other.windows, waitlistPlaces - other.waitlistPlaces);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
