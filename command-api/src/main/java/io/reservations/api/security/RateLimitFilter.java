package io.reservations.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.reservations.api.ReservationsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller request rate limits (a token bucket per token subject; per client address without a token), at the
 * rate of the caller's roles ({@link RateLimit#rateFor}): over the limit, 429 {@code rate-limited} with {@code
 * Retry-After}, and another caller is served as before. Runs after authentication (refusals are limited before it:
 * RefusedAuthenticationLimitFilter); health is never limited.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RateLimitFilter extends OncePerRequestFilter {


    private final RateLimit limit;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public RateLimitFilter(final ReservationsProperties properties) {
        this.limit = properties.api().rateLimit();
    }

    @Override
    protected boolean shouldNotFilter(final HttpServletRequest request) {
        return TooManyRequests.exempt(limit, request);
    }

    @Override
    protected void doFilterInternal(final HttpServletRequest request, final HttpServletResponse response,
                                    final FilterChain chain) throws ServletException, IOException {
        final Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        final RateLimit.Rate rate = limit.rateFor(Caller.rolesOf(authentication));
        final String caller = authentication instanceof JwtAuthenticationToken jwt ? "sub:" + jwt.getToken().getSubject()
                : "addr:" + request.getRemoteAddr();
        // a caller's bucket is made with the rate of the roles it came with; a token with other roles gets its own
        final ConsumptionProbe probe = buckets.get(caller + "\n" + rate, key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(rate.burst()).refillGreedy(rate.perSecond(), Duration.ofSeconds(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        TooManyRequests.write(response, probe.getNanosToWaitForRefill(),
                "More than " + rate.perSecond() + " requests per second from this caller");
    }
}
