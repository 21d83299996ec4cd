package io.reservations.api.errors;

/** Codes of the API's own problems; domain rejections use {@link io.reservations.contract.ErrorCodes}. */
public final class ProblemCodes {

    public static final String INVALID = "invalid";
    public static final String NOT_FOUND = "not-found";
    public static final String COMMAND_NOT_FOUND = "command-not-found";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String UNAVAILABLE = "unavailable";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String INTERNAL = "internal-error";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";

    private ProblemCodes() {
    }

    static String forStatus(final int status) {
        return switch (status) {
            case 400 -> INVALID;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : "error";
        };
    }
}
