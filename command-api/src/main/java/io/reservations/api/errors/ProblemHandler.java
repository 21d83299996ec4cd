package io.reservations.api.errors;

import io.reservations.contract.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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
        return Problems.entity(e);
    }

    /** Anything unexpected is a 500 problem; its details go to the log, not to the client. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(final Exception e) {
        logger.error("Unexpected error", e);
        return Problems.entity(ErrorCode.INTERNAL, ErrorCode.INTERNAL.description());
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
                return Problems.entity(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        final String detail = cause instanceof IllegalArgumentException
                ? cause.getMessage()
                : "The request body is not valid JSON for this endpoint";
        return Problems.entity(ErrorCode.INVALID, detail);
    }

    /** Spring's own problems (404, 405, 415, ...) get a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(final Object body, final HttpHeaders headers,
                                                          final HttpStatusCode status, final WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", ErrorCode.forStatus(status.value()).slug());
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
