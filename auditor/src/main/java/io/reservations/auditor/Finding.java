package io.reservations.auditor;

import java.time.Instant;
import java.util.List;

/** A state that breaks a promise if it lasts past its invariant's grace: what a {@link Violation} is made of. */
record Finding(Invariant invariant, String subject, List<String> entityIds, List<String> records, String detail) {

    Violation reported(final Instant since, final Instant found) {
        return new Violation(invariant, entityIds, records, detail, since, found);
    }
}
