package io.reservations.api.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check answered from its last result while that is recent: probes, from load balancers and anyone
 * else (health needs no token), cost the checked system at most one call per {@code ttl}, however many come.
 * Concurrent probes of a stale result wait for one check instead of each making their own.
 */
final class RecentHealth implements HealthIndicator {

    private final HealthIndicator check;
    private final Clock clock;
    private final Duration ttl;
    private Health last;
    private Instant checkedAt;

    RecentHealth(final HealthIndicator check, final Clock clock, final Duration ttl) {
        this.check = check;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public synchronized Health health() {
        final Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(ttl))) {
            last = check.health();
            checkedAt = now;
        }
        return last;
    }
}
