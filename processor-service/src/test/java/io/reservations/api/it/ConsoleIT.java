package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.RawRecords;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import io.reservations.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code /console} over HTTP: only a signed-in admin, its actions CSRF-protected, the session cookie good for reads
 * and change streams but never for a write; dead letters listed, only commands resubmitted, the findings and rates
 * answered. ConsoleBrowserIT works the page in a real browser.
 */
@ExtendWith(SharedKafkaBroker.class)
class ConsoleIT {

    private static ServiceInstance service;
    private static String bootstrapServers;
    private static String adminToken;

    @BeforeAll
    static void start(final KafkaTestBroker broker, @TempDir final Path data) {
        bootstrapServers = broker.bootstrapServers();
        service = ServiceInstance.start(bootstrapServers, data, "console", Map.of());
        adminToken = service.tokens().admin(Duration.ofHours(1));
        assertThat(service.http().post("/windows", "{\"id\":\"console-w\",\"resources\":[{\"id\":\"s1\",\"type\":\"seat\"}]}")
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldKeepTheConsoleToSignedInAdminsWithCsrfProtectedActions() {
        final HttpJson anonymous = service.http(null);
        final String session = "reservations_console=" + adminToken;
        assertThat(anonymous.get("/console", "Accept", "text/html").location()).as("a browser is sent to sign in")
                .endsWith("/console/sign-in");
        assertThat(anonymous.get("/console", "Accept", "application/json").status()).isEqualTo(401);
        assertThat(anonymous.get("/console/sign-in").status()).isEqualTo(200);
        final String alice = service.token("alice", "read reservations:write", List.of(), Duration.ofHours(1));
        assertThat(anonymous.postRaw("/console/sign-in", "application/x-www-form-urlencoded",
                ("token=" + alice).getBytes()).status()).as("not an admin's token").isEqualTo(403);
        assertThat(anonymous.postRaw("/console/sign-in", "application/x-www-form-urlencoded",
                "token=nonsense".getBytes()).status()).isEqualTo(401);

        assertThat(anonymous.get("/console", "Cookie", session).status()).isEqualTo(200);
        assertThat(anonymous.get("/windows/console-w", "Cookie", session).status()).as("a read with the cookie")
                .isEqualTo(200);
        assertThat(anonymous.post("/reservations", "{\"id\":\"forged\",\"window_id\":\"console-w\"}", "Cookie", session)
                .status()).as("a write never takes the cookie").isEqualTo(401);
        assertThat(anonymous.post("/console/sign-out", null, "Cookie", session).status()).as("no CSRF token")
                .isEqualTo(403);
        assertThat(anonymous.post("/console/sign-out", null, "Cookie", session + "; XSRF-TOKEN=abc",
                "X-XSRF-TOKEN", "abc").status()).as("the CSRF cookie sent back").isEqualTo(303);
    }

    @Test
    void shouldListDeadLettersAndResubmitOnlyCommandsWithACsrfToken() {
        final HttpJson anonymous = service.http(null);
        final String session = "reservations_console=" + adminToken;
        RawRecords.send(bootstrapServers, Topics.FORWARD_WRITES.name(), "console-fw", "not a forward write");
        final String position = awaitDeadLetter(anonymous, session, "console-fw");

        final String csrf = session + "; XSRF-TOKEN=abc";
        assertThat(anonymous.post("/console/dead-letters/" + position + "/resubmit", "{}", "Cookie", session)
                .status()).as("no CSRF token").isEqualTo(403);
        final HttpJson.Response forward = anonymous.post("/console/dead-letters/" + position + "/resubmit", "{}",
                "Cookie", csrf, "X-XSRF-TOKEN", "abc");
        assertThat(forward.status()).isEqualTo(409);
        assertThat(forward.body()).contains("not-resubmittable");
        assertThat(anonymous.post("/console/dead-letters/nonsense/resubmit", "{}", "Cookie", csrf, "X-XSRF-TOKEN", "abc")
                .status()).isEqualTo(400);
        assertThat(anonymous.post("/console/dead-letters/0@99999999/resubmit", "{}", "Cookie", csrf,
                "X-XSRF-TOKEN", "abc").body()).contains("dead-letter-not-found");

        final HttpJson.Response findings = anonymous.get("/console/findings", "Cookie", session);
        assertThat(findings.status()).isEqualTo(200);
        assertThat(findings.json().get("source").asString()).as("this service runs no auditor").isEqualTo("none");
        assertThat(anonymous.get("/console/rates", "Cookie", session).json().has("rates")).isTrue();
        assertThat(anonymous.get("/console/dead-letters").status()).as("without a session").isEqualTo(401);
    }




    private static String awaitDeadLetter(final HttpJson client, final String session, final String key) {
        final String[] position = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final JsonNode items = client.get("/console/dead-letters?limit=200", "Cookie", session).json().get("items");
            position[0] = null;
            items.forEach(item -> {
                if (key.equals(item.get("key").asString())) {
                    position[0] = item.get("position").asString();
                }
            });
            assertThat(position[0]).as("a dead letter keyed " + key).isNotNull();
        });
        return position[0];
    }
}
