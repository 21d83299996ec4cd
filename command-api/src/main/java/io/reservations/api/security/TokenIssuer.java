package io.reservations.api.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs tokens with the local key: the admin token printed at start, and tokens for tests and experiments. */
public final class TokenIssuer {

    public static final String LOCAL_ISSUER = "reservations-local";
    /** The audience of local tokens, which the service requires in local mode. */
    public static final String LOCAL_AUDIENCE = "reservations";

    private final NimbusJwtEncoder encoder;

    public TokenIssuer(final LocalSigningKey key) {
        final RSAKey jwk = new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }

    /**
     * @param scopes space-separated scopes, e.g. {@code "reservations:write read"}
     * @param roles  roles, e.g. {@code admin}
     */
    public String issue(final String subject, final String scopes, final List<String> roles, final Duration ttl) {
        final Instant now = Instant.now();
        return issue(subject, scopes, roles, now, now.plus(ttl));
    }

    /** A token valid from {@code issuedAt} to {@code expiresAt}: in the past, for instance, to try an expired one. */
    public String issue(final String subject, final String scopes, final List<String> roles, final Instant issuedAt,
                        final Instant expiresAt) {
        return sign(JwtClaimsSet.builder()
                .issuer(LOCAL_ISSUER)
                .audience(List.of(LOCAL_AUDIENCE))
                .subject(subject)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("scope", scopes)
                .claim("roles", roles)
                .build());
    }

    /** Signs any claims: tests use it for tokens the service must refuse. */
    public String sign(final JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    public String admin(final Duration ttl) {
        return issue("admin", Scopes.ALL, List.of(Scopes.ADMIN_ROLE), ttl);
    }
}
