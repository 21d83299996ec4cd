package io.reservations.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every error code the service answers: the problem+json {@code code} member of an HTTP error, and for a command's
 * rejection also its {@code CommandResult.code}. Each has the HTTP status it is answered with (a rejection's, for
 * a command; a read of a missing entity answers 404 whatever the entity) and a description for the problem's detail.
 */
public enum ErrorCode {

    // a command's rejections, decided by the processor
    WINDOW_EXISTS("window-exists", 409, "A window with this id already exists"),
    RESERVATION_EXISTS("reservation-exists", 409, "A reservation with this id already exists"),
    RESERVATION_NOT_FOUND("reservation-not-found", 404, "No reservation has this id"),
    WINDOW_NOT_FOUND("window-not-found", 409, "The reservation's window does not exist"),
    NO_RESOURCE_AVAILABLE("no-resource-available", 409, "No resource of that type is available in the window"),
    RESERVATION_CANCELLED("reservation-cancelled", 409, "The reservation is cancelled"),
    ALREADY_CONFIRMED("already-confirmed", 409, "The reservation is already confirmed with a resource of another type"),
    SELECTION_IN_PROGRESS("selection-in-progress", 409, "Another selection for this reservation is in progress"),
    SELECTION_TIMEOUT("selection-timeout", 409, "The window did not answer the selection before its deadline"),
    HOLD_EXPIRED("hold-expired", 409, "The reservation's hold ran out and its resource was released"),
    NOT_HELD("not-held", 409, "The reservation holds no resource to confirm"),
    WAITLIST_FULL("waitlist-full", 409, "The window's line for that type is full"),
    WAITLIST_EXPIRED("waitlist-expired", 409, "The reservation waited in line for its waitlist_for without a resource"),
    IN_BUNDLE("in-bundle", 409, "The reservation is an item of a bundle that is selecting or held; act on the bundle"),
    BUNDLE_EXISTS("bundle-exists", 409, "A bundle with this id already exists"),
    BUNDLE_NOT_FOUND("bundle-not-found", 404, "No bundle has this id"),
    BUNDLE_CANCELLED("bundle-cancelled", 409, "The bundle is cancelled"),
    BUNDLE_REJECTED("bundle-rejected", 409, "The bundle was rejected; nothing is held"),
    /**
     * A request outside the contract's bounds: answered by the API, and by the processor for a command it can read
     * but refuses (a field out of its bounds written around the API, or a step whose records Kafka would not take).
     */
    INVALID("invalid", 400, "The request is outside the contract's bounds"),

    // the API's own
    QUOTA_EXCEEDED("quota-exceeded", 409, "The caller keeps as much of this as its quota allows"),
    UNAUTHENTICATED("unauthenticated", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "The caller may not do this"),
    NOT_FOUND("not-found", 404, "Nothing is here"),
    COMMAND_NOT_FOUND("command-not-found", 404, "No command has this id"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "This method is not allowed here"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The body must be application/json"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used for a different request"),
    RATE_LIMITED("rate-limited", 429, "Too many requests; retry after the time given"),
    INTERNAL("internal-error", 500, "An unexpected error occurred"),
    UNAVAILABLE("unavailable", 503, "The service cannot answer now; retry shortly");

    private static final Map<String, ErrorCode> BY_SLUG =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::slug, Function.identity()));

    private final String slug;
    private final int httpStatus;
    private final String description;

    ErrorCode(final String slug, final int httpStatus, final String description) {
        this.slug = slug;
        this.httpStatus = httpStatus;
        this.description = description;
    }

    /** The code as the contract spells it, e.g. {@code no-resource-available}. */
    public String slug() {
        return slug;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String description() {
        return description;
    }

    public static Optional<ErrorCode> of(final String slug) {
        return Optional.ofNullable(slug == null ? null : BY_SLUG.get(slug));
    }

    /** The code of an error that only its HTTP status describes (Spring's own 404, 405, 415, ...). */
    public static ErrorCode forStatus(final int status) {
        return switch (status) {
            case 400 -> INVALID;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> IDEMPOTENCY_KEY_REUSED;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : INVALID;
        };
    }
}
