package io.reservations.api.console.audit;

import java.time.Instant;
import java.util.List;

/**
 * One broken promise the auditor reported, as the console lists it.
 *
 * @param invariant the invariant's tag, as in {@code reservations_audit_violations_total{invariant}}
 * @param records   the offending records: {@code topic-partition@offset}
 * @param since     when the state began (for a deadline: the deadline)
 * @param found     when the auditor reported it
 */
public record AuditFinding(String invariant, List<String> entityIds, List<String> records, String detail,
                           Instant since, Instant found) {
}
