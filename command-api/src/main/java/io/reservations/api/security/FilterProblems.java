package io.reservations.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * problem+json written by the filters that answer before Spring MVC (authentication, authorization, the firewall,
 * the rate limits), where ProblemHandler cannot: the same members as its answers, with the contract's {@code code}.
 * Titles, details and codes are the service's own constants: nothing from the request is echoed.
 */
final class FilterProblems {

    private FilterProblems() {
    }

    static void write(final HttpServletResponse response, final int status, final String title, final String code,
                      final String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
