package io.reservations.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.reservations.api.ReservationsProperties;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Refused authentications (401) per client address: a bucket per address that each refusal takes a token from.
 * Checked before a request's token is (RefusedAuthenticationLimitFilter), so a flood of missing or forged tokens
 * costs a map lookup per request once its address has used its budget, not a signature check.
 */
@Component
public class RefusedAuthentications {

    private final RateLimit limit;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public RefusedAuthentications(final ReservationsProperties properties) {
        this.limit = properties.api().rateLimit();
    }

    /** Counts a refusal of a request from {@code address}. */
    void refused(final String address) {
        buckets.get(address, key -> Bucket.builder().addLimit(bandwidth -> bandwidth.capacity(limit.refusedBurst())
                .refillGreedy(limit.refusedPerSecond(), Duration.ofSeconds(1))).build()).tryConsume(1);
    }

    /** @return how long until {@code address} may be refused again, when it has used its budget; else empty */
    OptionalLong exhausted(final String address) {
        final Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        final EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }
}
