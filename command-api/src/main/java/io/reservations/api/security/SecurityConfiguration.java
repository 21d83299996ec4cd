package io.reservations.api.security;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.Problems;
import io.reservations.contract.ErrorCode;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Bearer JWTs on every request but health (a read may carry the console's session cookie instead: ApiTokens); a
 * request no rule names is denied. Scopes: {@code windows:write} (create windows), {@code
 * reservations:write} (create, select, cancel reservations and bundles), {@code read}; the {@code admin} role may do everything,
 * including the management endpoints. Failures are problem+json: 401 {@code unauthenticated}, 403 {@code
 * forbidden}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String ADMIN = "ROLE_" + Scopes.ADMIN_ROLE;
    /** Distinct bearer tokens whose check is remembered (CheckedTokens): a few hundred bytes each. */
    private static final int CHECKED_TOKENS = 10_000;

    @Bean
    @Order(2)
    SecurityFilterChain api(final HttpSecurity http, final ReservationsProperties properties,
                            final RefusedAuthentications refusals) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!properties.security().enabled()) {
            LOG.warn("AUTHENTICATION IS OFF (reservations.security.enabled=false): anyone can do anything. "
                    + "For experiments only.");
            // the one caller that acts as admin without a token (Caller.current refuses any other anonymous one)
            return http.anonymous(anonymous -> anonymous.principal(Caller.ANONYMOUS)
                            .authorities("ROLE_" + Scopes.ADMIN_ROLE))
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        // the error page of a request that was authorized already
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the end of a change stream, whose request was authorized when it opened
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasAuthority(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/windows").hasAnyAuthority("SCOPE_" + Scopes.WINDOWS_WRITE, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/reservations", "/reservations/*/select-resource",
                                "/reservations/*/cancel", "/reservations/*/confirm", "/bundles", "/bundles/*/confirm",
                                "/bundles/*/cancel").hasAnyAuthority("SCOPE_" + Scopes.RESERVATIONS_WRITE, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/windows/**", "/reservations/**", "/bundles/**", "/commands/**")
                                .hasAnyAuthority("SCOPE_" + Scopes.READ, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").authenticated()
                        // anything not named above, HEAD, OPTIONS and unknown methods included
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new ApiTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authorities()))
                        .authenticationEntryPoint(unauthenticated(refusals))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response,
                                ErrorCode.FORBIDDEN, "The token does not allow this request")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated(refusals))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response,
                                ErrorCode.FORBIDDEN, "The token does not allow this request")))
                .build();
    }

    /** The type, not JwtDecoder: RefusedAuthenticationLimitFilter asks it which tokens it accepted. */
    @Bean
    CheckedTokens jwtDecoder(final ReservationsProperties properties) {
        final ReservationsProperties.Security security = properties.security();
        final NimbusJwtDecoder decoder;
        if (!security.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
        } else if (!security.publicKeyLocation().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(LocalSigningKey.readPublicKey(Path.of(security.publicKeyLocation()))).build();
        } else {
            decoder = NimbusJwtDecoder.withPublicKey(LocalSigningKey.loadOrCreate(properties.localKeyDir()).publicKey()).build();
        }
        decoder.setJwtValidator(TokenRules.of(
                security.localKey() ? TokenIssuer.LOCAL_ISSUER : security.issuer(),
                security.localKey() ? TokenIssuer.LOCAL_AUDIENCE : security.audience()));
        return new CheckedTokens(decoder, Clock.systemUTC(), CHECKED_TOKENS, Duration.ofMinutes(5));
    }

    /** A request the firewall turns away (an unknown method, a malformed path) is a problem+json 400 too. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> Problems.write(response, ErrorCode.INVALID,
                "The request was rejected: unsupported method or malformed path");
    }

    /** Only with the local key (no identity provider configured): the admin token at start, and tokens for tests. */
    @Bean
    @Conditional(LocalKeyCondition.class)
    TokenIssuer tokenIssuer(final ReservationsProperties properties) {
        return new TokenIssuer(LocalSigningKey.loadOrCreate(properties.localKeyDir()));
    }

    /** 401 {@code unauthenticated}, counted against the client's address (RefusedAuthentications). */
    static AuthenticationEntryPoint unauthenticated(final RefusedAuthentications refusals) {
        return (request, response, failure) -> {
            refusals.refused(request.getRemoteAddr());
            Problems.write(response, ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.description());
        };
    }

    /** {@code scope} claim to SCOPE_ authorities, {@code roles} claim to ROLE_ authorities. */
    static JwtAuthenticationConverter authorities() {
        final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        final JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> {
            final Collection<GrantedAuthority> granted = new ArrayList<>(scopes.convert(jwt));
            final List<String> roles = jwt.getClaimAsStringList("roles");
            if (roles != null) {
                roles.forEach(role -> granted.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            return granted;
        });
        return converter;
    }
}
