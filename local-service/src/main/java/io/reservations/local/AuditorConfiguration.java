package io.reservations.local;

import io.micrometer.core.instrument.MeterRegistry;
import io.reservations.api.ReservationsProperties;
import io.reservations.api.console.audit.AuditFinding;
import io.reservations.api.console.audit.AuditorFindings;
import io.reservations.api.console.audit.AuditorReport;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.auditor.Auditor;
import io.reservations.auditor.AuditorSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auditor inside the local service: it checks the event topics of the broker this process uses, with its
 * metrics on this process's {@code /actuator/prometheus}. Its lag is a metric, not part of readiness.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "reservations.auditor.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditorConfiguration.AuditorProperties.class)
public class AuditorConfiguration {

    /**
     * @param enabled off where an auditor runs as its own process
     * @param grace   how long a broken promise may last before it is reported: at least a failover
     */
    @ConfigurationProperties("reservations.auditor")
    public record AuditorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration grace) {
    }

    @Bean(destroyMethod = "close")
    Auditor auditor(final KafkaConnection kafka, final ReservationsProperties properties,
                    final AuditorProperties auditor, final MeterRegistry meters) {
        return Auditor.start(new AuditorSettings(kafka.bootstrapServers(), kafka.security(),
                AuditorSettings.DEFAULT_CLIENT_ID, auditor.grace(), properties.processor().selectionTimeout()),
                meters, Clock.systemUTC());
    }

    /** The console's view of this auditor (ConsoleConfiguration asks it when no auditor URL is set). */
    @Bean
    AuditorFindings auditorFindings(final Auditor auditor) {
        return () -> new AuditorReport("in this process", auditor.running(), null, auditor.recent().stream()
                .map(violation -> new AuditFinding(violation.invariant().tag(), violation.entityIds(),
                        violation.records(), violation.detail(), violation.since(), violation.found()))
                .toList());
    }
}
