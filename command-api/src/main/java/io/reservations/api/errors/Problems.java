package io.reservations.api.errors;

import io.reservations.contract.ErrorCode;
import io.reservations.topics.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place an RFC 9457 problem+json answer is made: as a response entity for Spring MVC, or written straight
 * to the servlet response by the filters that answer before it. Every problem has the contract's {@code code}.
 */
public final class Problems {

    private Problems() {
    }

    /** The problem's body: the status's title, the detail and the code. */
    public static ProblemDetail detail(final HttpStatusCode status, final String code, final String detail) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** For answers built off the request thread (command results), where no exception handler runs. */
    public static ResponseEntity<Object> entity(final ApiException e) {
        final HttpHeaders headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        }
        return ResponseEntity.status(e.status()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(e.status(), e.code(), e.getMessage()));
    }

    public static ResponseEntity<Object> entity(final ErrorCode code, final String detail) {
        return entity(new ApiException(code, detail));
    }

    /** With members of the problem's own beside {@code code} (a rejected bundle's {@code failed_reservation_id}). */
    public static ResponseEntity<Object> entity(final ErrorCode code, final String detail,
                                                final Map<String, Object> members) {
        final ResponseEntity<Object> entity = entity(code, detail);
        members.forEach(((ProblemDetail) entity.getBody())::setProperty);
        return entity;
    }

    /** For filters that answer before Spring MVC (authentication, authorization, the firewall, the limits). */
    public static void write(final HttpServletResponse response, final ErrorCode code, final String detail)
            throws IOException {
        final HttpStatus status = HttpStatus.valueOf(code.httpStatus());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("code", code.slug());
        response.getOutputStream().write(Json.mapper().writeValueAsBytes(body));
    }
}
