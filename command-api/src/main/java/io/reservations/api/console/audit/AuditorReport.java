package io.reservations.api.console.audit;

import java.util.List;

/**
 * What the auditor says, for the console.
 *
 * @param source   where it was asked: "in this process", an auditor's URL, or "none"
 * @param running  whether the auditor reads the topics (false also when it could not be asked)
 * @param problem  why it could not be asked, or null
 * @param findings its most recent findings, newest first
 */
public record AuditorReport(String source, boolean running, String problem, List<AuditFinding> findings) {

    public AuditorReport {
        findings = List.copyOf(findings);
    }

    /** Where no auditor is known to this instance. */
    public static AuditorReport none() {
        return new AuditorReport("none", false, "No auditor is connected to this instance: run the local service "
                + "(its auditor runs inside), or set reservations.console.auditor-url", List.of());
    }
}
