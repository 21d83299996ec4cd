package io.reservations.api.errors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error is RFC 9457 problem+json with a {@code code} member. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(final ApiException e) {
        return toResponse(e);
    }

    /** For answers built off the request thread (command results), where no handler runs. */
    public static ResponseEntity<Object> toResponse(final ApiException e) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("code", e.code());
        final HttpHeaders headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        }
        return ResponseEntity.status(e.status()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Anything unexpected is a 500 problem; its details go to the log, not to the client. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(final Exception e) {
        logger.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL, "An unexpected error occurred");
    }

    /** Malformed JSON, a missing or invalid field (the records validate themselves), or an oversized body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(final HttpMessageNotReadableException e,
                                                                  final HttpHeaders headers,
                                                                  final HttpStatusCode status,
                                                                  final WebRequest request) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        final String detail = cause instanceof IllegalArgumentException
                ? cause.getMessage()
                : "The request body is not valid JSON for this endpoint";
        return problem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID, detail);
    }

    /** Spring's own problems (404, 405, 415, ...) get a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(final Object body, final HttpHeaders headers,
                                                          final HttpStatusCode status, final WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", ProblemCodes.forStatus(status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(final HttpStatus status, final String code, final String detail) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
