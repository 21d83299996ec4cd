package io.reservations.api.security;

import io.reservations.api.ReservationsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before authentication: an address that has used its budget of refused authentications
 * ({@link RefusedAuthentications}) gets 429 {@code rate-limited} with {@code Retry-After} without its token being
 * checked, unless that token was accepted before ({@link CheckedTokens}): a client behind the same address as a
 * flooder keeps being served. Health is never limited.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
public class RefusedAuthenticationLimitFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final RateLimit limit;
    private final RefusedAuthentications refusals;
    private final CheckedTokens tokens;

    public RefusedAuthenticationLimitFilter(final ReservationsProperties properties,
                                            final RefusedAuthentications refusals, final CheckedTokens tokens) {
        this.limit = properties.api().rateLimit();
        this.refusals = refusals;
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(final HttpServletRequest request) {
        return TooManyRequests.exempt(limit, request);
    }

    @Override
    protected void doFilterInternal(final HttpServletRequest request, final HttpServletResponse response,
                                    final FilterChain chain) throws ServletException, IOException {
        final OptionalLong wait = refusals.exhausted(request.getRemoteAddr());
        if (wait.isEmpty() || tokens.accepted(bearerToken(request))) {
            chain.doFilter(request, response);
            return;
        }
        TooManyRequests.write(response, wait.getAsLong(), "More than " + limit.refusedPerSecond()
                + " refused authentications per second from this address");
    }

    private static String bearerToken(final HttpServletRequest request) {
        final String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
    }
}
