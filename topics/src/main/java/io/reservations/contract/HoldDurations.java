package io.reservations.contract;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The contract's rule for {@code hold_for}: an ISO-8601 duration from 1 s to 24 h, checked by the API and again by the processor. */
public final class HoldDurations {

    public static final Duration SHORTEST = Duration.ofSeconds(1);
    public static final Duration LONGEST = Duration.ofHours(24);

    private HoldDurations() {
    }

    /** The hold {@code holdFor} asks for, or empty when it is not a duration from 1 s to 24 h. */
    public static Optional<Duration> parse(final String holdFor) {
        if (holdFor == null) {
            return Optional.empty();
        }
        final Duration hold;
        try {
            hold = Duration.parse(holdFor);
        } catch (final DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
        return hold.compareTo(SHORTEST) < 0 || hold.compareTo(LONGEST) > 0 ? Optional.empty() : Optional.of(hold);
    }
}
