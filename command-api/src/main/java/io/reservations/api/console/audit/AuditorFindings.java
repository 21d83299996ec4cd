package io.reservations.api.console.audit;

/** The query the console reads the auditor through, wherever the auditor runs. */
@FunctionalInterface
public interface AuditorFindings {

    AuditorReport report();
}
