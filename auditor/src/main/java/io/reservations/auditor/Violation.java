package io.reservations.auditor;

import java.time.Instant;
import java.util.List;

/**
 * One broken promise, as the auditor reports it.
 *
 * @param entityIds the windows, resources, reservations or bundles involved
 * @param records   where the offending records are: {@code topic-partition@offset}
 * @param since     when the state that breaks it began (for a deadline: the deadline)
 * @param found     when the auditor reported it
 */
public record Violation(Invariant invariant, List<String> entityIds, List<String> records, String detail,
                        Instant since, Instant found) {

    public Violation {
        entityIds = List.copyOf(entityIds);
        records = List.copyOf(records);
    }

    /** The log line: invariant, entity ids, offsets, what is wrong. */
    public String logLine() {
        return "audit violation invariant=" + invariant.tag() + " entities=" + String.join(",", entityIds)
                + " records=" + String.join(",", records) + " since=" + since + ": " + detail;
    }
}
