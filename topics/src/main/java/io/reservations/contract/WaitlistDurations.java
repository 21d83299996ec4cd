package io.reservations.contract;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The contract's rule for {@code waitlist_for}: an ISO-8601 duration from 1 minute to 30 days, 7 days when absent;
 * checked by the API and again by the processor.
 */
public final class WaitlistDurations {

    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofDays(30);
    public static final Duration DEFAULT = Duration.ofDays(7);

    private WaitlistDurations() {
    }

    /** The wait {@code waitlistFor} asks for (the default when null), or empty when it is out of bounds or unreadable. */
    public static Optional<Duration> parse(final String waitlistFor) {
        if (waitlistFor == null) {
            return Optional.of(DEFAULT);
        }
        final Duration wait;
        try {
            wait = Duration.parse(waitlistFor);
        } catch (final DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
        return wait.compareTo(SHORTEST) < 0 || wait.compareTo(LONGEST) > 0 ? Optional.empty() : Optional.of(wait);
    }
}
