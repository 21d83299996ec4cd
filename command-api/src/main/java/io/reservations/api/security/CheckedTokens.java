package io.reservations.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A {@link JwtDecoder} that remembers the tokens it has accepted: a client sends the same bearer token with every
 * request, and parsing it and checking its signature again each time cost more CPU than the rest of the request's
 * security (docs/PERFORMANCE.md). A remembered token is used until its {@code exp}, then checked again by the
 * decoder it wraps (which allows its clock skew); a token the decoder refuses is never remembered.
 */
final class CheckedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    /**
     * @param maxTokens how many distinct tokens to remember
     * @param keepFor   how long to remember one at most, whatever its expiry
     */
    CheckedTokens(final JwtDecoder decoder, final Clock clock, final int maxTokens, final Duration keepFor) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(keepFor).build();
    }

    @Override
    public Jwt decode(final String token) {
        final Jwt known = stillValid(token);
        if (known != null) {
            return known;
        }
        final Jwt checked = decoder.decode(token); // throws for a token it refuses: nothing is remembered
        accepted.put(token, checked);
        return checked;
    }

    /** Whether {@code token} (null: none) was accepted and has not expired since, without checking it again. */
    boolean accepted(final String token) {
        return token != null && stillValid(token) != null;
    }

    private Jwt stillValid(final String token) {
        final Jwt known = accepted.getIfPresent(token);
        return known != null && (known.getExpiresAt() == null || clock.instant().isBefore(known.getExpiresAt()))
                ? known : null;
    }
}
