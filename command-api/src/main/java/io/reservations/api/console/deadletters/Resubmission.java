package io.reservations.api.console.deadletters;

import java.time.Instant;

/**
 * A dead letter sent back to its topic from the console, as {@code dead-letters.resubmissions} keeps it.
 *
 * @param deadLetter    the dead letter's position ({@code partition@offset}), the record's key too
 * @param sentTo        where the record went: {@code topic-partition@offset}
 * @param repaired      whether the operator changed the value before sending it
 */
public record Resubmission(String deadLetter, String sentTo, String resubmittedBy, Instant resubmittedAt,
                           boolean repaired) {
}
