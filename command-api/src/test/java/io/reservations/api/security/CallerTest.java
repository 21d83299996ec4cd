package io.reservations.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.errors.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: a token's subject, the anonymous admin of authentication off, and no one else. */
class CallerTest {

    private static final String ADMIN = "ROLE_" + Scopes.ADMIN_ROLE;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldBeTheTokensSubjectAndAdminOnlyWithTheRole() {
        authenticate(new JwtAuthenticationToken(jwt("alice"), AuthorityUtils.createAuthorityList("SCOPE_read")));
        assertThat(Caller.current()).isEqualTo(new Caller("alice", false));

        authenticate(new JwtAuthenticationToken(jwt("root"), AuthorityUtils.createAuthorityList(ADMIN)));
        assertThat(Caller.current()).isEqualTo(new Caller("root", true));
    }

    @Test
    void shouldBeTheAnonymousAdminWhenAuthenticationIsOff() {
        authenticate(new AnonymousAuthenticationToken("key", Caller.ANONYMOUS, AuthorityUtils.createAuthorityList(ADMIN)));
        assertThat(Caller.current()).isEqualTo(new Caller(Caller.ANONYMOUS, true));
    }

    @Test
    void shouldRefuseEveryOtherAuthenticationInsteadOfFallingBackToAnAdmin() {
        for (final Authentication other : List.<Authentication>of(
                new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
                new AnonymousAuthenticationToken("key", "someone", AuthorityUtils.createAuthorityList(ADMIN)),
                UsernamePasswordAuthenticationToken.authenticated("bob", "secret", AuthorityUtils.createAuthorityList(ADMIN)))) {
            authenticate(other);
            assertThatThrownBy(Caller::current).as(other.toString()).isInstanceOfSatisfying(ApiException.class,
                    refused -> assertThat(refused.code()).isEqualTo("unauthenticated"));
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(Caller::current).as("none").isInstanceOf(ApiException.class);
    }

    private static void authenticate(final Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    private static Jwt jwt(final String subject) {
        return Jwt.withTokenValue("t-" + subject).header("alg", "RS256").subject(subject)
                .issuedAt(Instant.parse("2026-12-03T10:00:00Z")).expiresAt(Instant.parse("2026-12-03T11:00:00Z")).build();
    }
}
