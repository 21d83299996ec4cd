package io.reservations.api.console.audit;

import io.reservations.topics.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.JacksonException;

/** The auditor as its own process: its {@code GET /findings}, asked each time the console asks (no cache). */
public final class RemoteAuditorFindings implements AuditorFindings {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI findings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param auditorUrl the auditor's base URL, e.g. {@code http://auditor:8080} */
    public RemoteAuditorFindings(final String auditorUrl) {
        this.findings = URI.create(auditorUrl.replaceAll("/+$", "") + "/findings");
    }

    @Override
    public AuditorReport report() {
        try {
            final HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(findings).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return unreachable("it answered " + response.statusCode());
            }
            final Answer answer = Json.mapper().readValue(response.body(), Answer.class);
            return new AuditorReport(findings.toString(), answer.running(), null, answer.findings());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("interrupted");
        } catch (final java.io.IOException | JacksonException e) {
            return unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private AuditorReport unreachable(final String why) {
        return new AuditorReport(findings.toString(), false, "Could not ask the auditor at " + findings + ": " + why,
                List.of());
    }

    /** The auditor's answer (auditor's MetricsEndpoint). */
    record Answer(boolean running, List<AuditFinding> findings) {
    }
}
