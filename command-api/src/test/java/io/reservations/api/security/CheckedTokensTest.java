package io.reservations.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.support.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CheckedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final AtomicInteger checks = new AtomicInteger();

    private JwtDecoder decoderAccepting(final Instant expiresAt) {
        return token -> {
            checks.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("refused");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("alice")
                    .issuedAt(NOW.minusSeconds(60)).expiresAt(expiresAt).build();
        };
    }

    @Test
    void shouldCheckATokenOnceWhileItIsValid() {
        final CheckedTokens tokens = new CheckedTokens(decoderAccepting(NOW.plusSeconds(600)),
                Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(5));

        final Jwt first = tokens.decode("token-a");
        final Jwt second = tokens.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(checks).hasValue(1);
    }

    @Test
    void shouldCheckATokenAgainOnceItHasExpired() {
        final MovableClock clock = new MovableClock(NOW);
        final CheckedTokens tokens = new CheckedTokens(decoderAccepting(NOW.plusSeconds(30)), clock, 100,
                Duration.ofMinutes(5));
        tokens.decode("token-a");

        clock.advance(Duration.ofSeconds(30));
        tokens.decode("token-a");

        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldNeverRememberARefusedToken() {
        final CheckedTokens tokens = new CheckedTokens(decoderAccepting(NOW.plusSeconds(600)),
                Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(5));

        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldTellTokensApart() {
        final CheckedTokens tokens = new CheckedTokens(decoderAccepting(NOW.plusSeconds(600)),
                Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(5));

        assertThat(tokens.decode("token-a").getTokenValue()).isEqualTo("token-a");
        assertThat(tokens.decode("token-b").getTokenValue()).isEqualTo("token-b");

        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldTellWhichTokensItAcceptedWithoutCheckingThem() {
        final MovableClock clock = new MovableClock(NOW);
        final CheckedTokens tokens = new CheckedTokens(decoderAccepting(NOW.plusSeconds(30)), clock, 100,
                Duration.ofMinutes(5));
        tokens.decode("token-a");
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(tokens.accepted("token-a")).isTrue();
        assertThat(tokens.accepted("bad-token")).isFalse();
        assertThat(tokens.accepted("token-never-sent")).isFalse();
        assertThat(tokens.accepted(null)).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(tokens.accepted("token-a")).as("expired").isFalse();
        assertThat(checks).hasValue(2);
    }
}
