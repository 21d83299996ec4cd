package io.reservations.api.errors;

import io.reservations.contract.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpStatus;

/** A client-visible failure: an HTTP status and the contract's {@code code} slug, rendered as problem+json. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Duration retryAfter;

    public ApiException(final HttpStatus status, final String code, final String detail) {
        this(status, code, detail, null);
    }

    /** Answered with the code's own status. */
    public ApiException(final ErrorCode code, final String detail) {
        this(HttpStatus.valueOf(code.httpStatus()), code.slug(), detail, null);
    }

    public ApiException(final HttpStatus status, final String code, final String detail, final Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static ApiException invalid(final String detail) {
        return new ApiException(ErrorCode.INVALID, detail);
    }

    public static ApiException unavailable(final String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE.slug(), detail, Duration.ofSeconds(1));
    }

    /** The {@code ApiException} a future failed with, seen through a {@link CompletionException}; empty for any other failure. */
    public static Optional<ApiException> causeOf(final Throwable failure) {
        final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof ApiException api ? Optional.of(api) : Optional.empty();
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
