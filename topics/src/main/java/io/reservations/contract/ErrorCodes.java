package io.reservations.contract;

/** The rejection slugs of the contract, used as {@code CommandResult.code} and as problem+json {@code code}. */
public final class ErrorCodes {

    public static final String WINDOW_EXISTS = "window-exists";
    public static final String WINDOW_NOT_FOUND = "window-not-found";
    public static final String RESERVATION_EXISTS = "reservation-exists";
    public static final String RESERVATION_NOT_FOUND = "reservation-not-found";
    public static final String NO_RESOURCE_AVAILABLE = "no-resource-available";
    public static final String RESERVATION_CANCELLED = "reservation-cancelled";
    public static final String ALREADY_CONFIRMED = "already-confirmed";
    public static final String SELECTION_IN_PROGRESS = "selection-in-progress";
    public static final String HOLD_EXPIRED = "hold-expired";
    public static final String NOT_HELD = "not-held";
    public static final String SELECTION_TIMEOUT = "selection-timeout";
    /**
     * A command the processor refuses although it could read it: a field out of its bounds (written around the
     * API, which answers 400 {@code invalid} for the same), or a step whose records Kafka would not take.
     */
    public static final String INVALID = "invalid";

    private ErrorCodes() {
    }
}
