package io.reservations.api.quotas;

import io.reservations.topics.OwnerUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What each owner keeps, as the read models last published it ({@link OwnerUsageReader}), plus what this instance
 * admitted that the publications do not show yet: a burst of requests that all arrive before the next publication
 * cannot pass a quota together. The read models publish each change of an owner's counts on its own, so a count
 * that grows shows commands taking effect: that many of the admitted ones are no longer pending. What is pending
 * counts for {@link #PENDING_FOR} at most, far longer than the owner index trails a command, so one that its master
 * rejected (which the counts never show) does not hold the owner back for good.
 */
@Component
public class OwnerUsages {

    static final Duration PENDING_FOR = Duration.ofSeconds(10);

    /** @param pending admitted here and not shown by {@code published} yet, the last of it at {@code admittedAt} */
    private record Known(OwnerUsage published, OwnerUsage pending, long admittedAt) {

        OwnerUsage pendingAt(final long now) {
            return now - admittedAt <= PENDING_FOR.toMillis() ? pending : OwnerUsage.NONE;
        }
    }

    private static final Known NOTHING = new Known(OwnerUsage.NONE, OwnerUsage.NONE, 0);

    private final Map<String, Known> byOwner = new ConcurrentHashMap<>();
    private final Clock clock;

    public OwnerUsages() {
        this(Clock.systemUTC());
    }

    OwnerUsages(final Clock clock) {
        this.clock = clock;
    }

    /** The read models' count of the owner: null when they keep nothing. */
    void published(final String owner, final OwnerUsage usage) {
        final long now = clock.millis();
        byOwner.compute(owner, (key, known) -> {
            final Known current = known == null ? NOTHING : known;
            final OwnerUsage latest = usage == null ? OwnerUsage.NONE : usage;
            final OwnerUsage pending = floorZero(current.pendingAt(now).minus(floorZero(latest.minus(current.published()))));
            return latest.isNone() && pending.isNone() ? null : new Known(latest, pending, current.admittedAt());
        });
    }

    /**
     * Admits one more of {@code quota} for the owner if that keeps them within {@code limit}, and counts it.
     *
     * @return whether it was admitted
     */
    boolean admit(final String owner, final Quota quota, final long limit) {
        final long now = clock.millis();
        final boolean[] admitted = {false};
        byOwner.compute(owner, (key, known) -> {
            final Known current = known == null ? NOTHING : known;
            final OwnerUsage pending = current.pendingAt(now);
            if (quota.used(current.published().plus(pending)) >= limit) {
                return known;
            }
            admitted[0] = true;
            return new Known(current.published(), pending.plus(one(quota)), now);
        });
        return admitted[0];
    }

    private static OwnerUsage floorZero(final OwnerUsage usage) {
        return new OwnerUsage(Math.max(0, usage.openReservations()), Math.max(0, usage.activeHolds()),
                Math.max(0, usage.windows()), Math.max(0, usage.waitlistPlaces()));
    }

    private static OwnerUsage one(final Quota quota) {
        return switch (quota) {
            case OPEN_RESERVATIONS -> new OwnerUsage(1, 0, 0);
            case ACTIVE_HOLDS -> new OwnerUsage(0, 1, 0);
            case WINDOWS -> new OwnerUsage(0, 0, 1);
            case WAITLIST_PLACES -> new OwnerUsage(0, 0, 0, 1L);
        };
    }
}
