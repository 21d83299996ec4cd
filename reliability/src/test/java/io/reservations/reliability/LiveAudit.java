package io.reservations.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.auditor.Auditor;
import io.reservations.auditor.AuditorSettings;
import io.reservations.auditor.Invariant;
import io.reservations.auditor.Violation;
import io.reservations.topics.KafkaClientSecurity;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An auditor as an operator runs it (its own client, read_committed, the default grace), live from before the load
 * to the end of the run, through every fault: it must find nothing.
 */
final class LiveAudit implements AutoCloseable {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Auditor auditor;

    private LiveAudit(final String bootstrap) {
        auditor = Auditor.start(new AuditorSettings(bootstrap, KafkaClientSecurity.NONE, "fault-suite-auditor",
                AuditorSettings.DEFAULT_GRACE, ServiceNode.SELECTION_TIMEOUT), meters, Clock.systemUTC());
    }

    static LiveAudit start(final String bootstrap) {
        return new LiveAudit(bootstrap);
    }

    /** Once it has read every committed event: asserts it reported nothing; returns its figures. */
    Map<String, Object> verify() {
        await("the auditor has read every committed event").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> meters.get("reservations.audit.lag").gauge().value() == 0);
        assertThat(auditor.recent()).extracting(Violation::logLine).as("what the live auditor found").isEmpty();
        for (final Invariant invariant : Invariant.values()) {
            assertThat(meters.get("reservations.audit.violations").tag("invariant", invariant.tag()).counter().count())
                    .as("reservations_audit_violations_total{invariant=%s}", invariant.tag()).isZero();
        }
        final Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events the live auditor read (grace " + AuditorSettings.DEFAULT_GRACE.toSeconds()
                + " s, through every fault)", (long) meters.get("reservations.audit.events").counter().count());
        figures.put("violations it reported", 0);
        return figures;
    }

    @Override
    public void close() {
        auditor.close();
    }
}
