package io.reservations.api.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteAuditorFindingsTest {

    /** The shape of the standalone auditor's GET /findings (its AuditorIT checks it writes this). */
    private static final String FINDINGS = "{\"running\":true,\"findings\":[{\"invariant\":\"resource-held-twice\","
            + "\"entity_ids\":[\"w/s1\",\"r1\",\"r2\"],\"records\":[\"window.events-0@4\",\"window.events-0@5\"],"
            + "\"detail\":\"held twice\",\"since\":\"2026-12-06T01:00:00Z\",\"found\":\"2026-12-06T01:00:01Z\"}]}";

    private HttpServer auditor;

    @AfterEach
    void stop() {
        if (auditor != null) {
            auditor.stop(0);
        }
    }

    @Test
    void shouldReadTheStandaloneAuditorsFindings() throws Exception {
        final String url = serve(200, FINDINGS);

        final AuditorReport report = new RemoteAuditorFindings(url + "/").report();

        assertThat(report.source()).isEqualTo(url + "/findings");
        assertThat(report.running()).isTrue();
        assertThat(report.problem()).isNull();
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.invariant()).isEqualTo("resource-held-twice");
            assertThat(finding.entityIds()).containsExactly("w/s1", "r1", "r2");
            assertThat(finding.records()).containsExactly("window.events-0@4", "window.events-0@5");
            assertThat(finding.found()).isEqualTo(Instant.parse("2026-12-06T01:00:01Z"));
        });
    }

    @Test
    void shouldSayWhyWhenTheAuditorCannotBeAsked() throws Exception {
        assertThat(new RemoteAuditorFindings(serve(503, "down")).report().problem()).contains("answered 503");
        assertThat(new RemoteAuditorFindings(serve(200, "not json")).report().running()).isFalse();
        final AuditorReport gone = new RemoteAuditorFindings("http://127.0.0.1:1").report();
        assertThat(gone.running()).isFalse();
        assertThat(gone.problem()).startsWith("Could not ask the auditor at http://127.0.0.1:1/findings");
    }

    private String serve(final int status, final String body) throws Exception {
        stop();
        auditor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        auditor.createContext("/findings", exchange -> {
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        auditor.start();
        return "http://127.0.0.1:" + auditor.getAddress().getPort();
    }
}
