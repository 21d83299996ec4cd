package io.reservations.auditor;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reservations.topics.KafkaClientSecurity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auditor as its own process ({@code auditor.jar}, the compose cluster's {@code auditor} container), configured
 * by the environment: {@code KAFKA_BOOTSTRAP_SERVERS} and the usual {@code KAFKA_*} client security (its own user,
 * allowed to read the event topics), {@code RESERVATIONS_AUDITOR_GRACE} (30s), the processors'
 * {@code RESERVATIONS_PROCESSOR_SELECTION_TIMEOUT} (30s) and {@code AUDITOR_PORT} (8080) for {@code /metrics} and
 * {@code /health}.
 */
public final class AuditorMain {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private AuditorMain() {
    }

    public static void main(final String[] args) throws IOException {
        final Map<String, String> env = System.getenv();
        final String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS names no cluster to audit");
        }
        final AuditorSettings settings = new AuditorSettings(bootstrap, KafkaClientSecurity.fromEnvironment(env),
                env.getOrDefault("RESERVATIONS_AUDITOR_CLIENT_ID", AuditorSettings.DEFAULT_CLIENT_ID),
                duration(env.get("RESERVATIONS_AUDITOR_GRACE"), AuditorSettings.DEFAULT_GRACE),
                duration(env.get("RESERVATIONS_PROCESSOR_SELECTION_TIMEOUT"), Duration.ofSeconds(30)));
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final Auditor auditor = Auditor.start(settings, meters, Clock.systemUTC());
        final MetricsEndpoint endpoint = MetricsEndpoint.start(
                Integer.parseInt(env.getOrDefault("AUDITOR_PORT", "8080")), meters, auditor);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            endpoint.close();
            auditor.close();
        }, "auditor-shutdown"));
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT30S}); the default when unset. */
    static Duration duration(final String text, final Duration otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        final Matcher shortForm = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!shortForm.matches()) {
            return Duration.parse(text.trim());
        }
        final long amount = Long.parseLong(shortForm.group(1));
        return switch (shortForm.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
