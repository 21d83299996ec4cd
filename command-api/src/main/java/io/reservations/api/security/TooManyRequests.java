package io.reservations.api.security;

import io.reservations.api.errors.Problems;
import io.reservations.contract.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;

/**
 * What both limits share: which requests they leave alone (limits off, health), and their answer: 429 {@code
 * rate-limited}, problem+json, with {@code Retry-After} in whole seconds.
 */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static boolean exempt(final RateLimit limit, final HttpServletRequest request) {
        return !limit.enabled() || request.getRequestURI().startsWith("/actuator/health");
    }

    /** @param nanosToWait until the caller's bucket has a token again */
    static void write(final HttpServletResponse response, final long nanosToWait, final String detail)
            throws IOException {
        final long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        Problems.write(response, ErrorCode.RATE_LIMITED,
                detail + "; retry after " + retryAfter + " s");
    }
}
