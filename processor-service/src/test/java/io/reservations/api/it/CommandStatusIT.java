package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.security.Scopes;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 202's Location answers from durable state: through an instance that did not take the command, and through a
 * new one started after it was settled (its cache of results begins at its start, its stores are restored from the
 * topics), to the sender and admins only.
 */
@ExtendWith(SharedKafkaBroker.class)
class CommandStatusIT {

    @TempDir
    Path data;

    @Test
    void shouldAnswerTheLocationOfA202FromAnyInstanceAndAfterARestart(final KafkaTestBroker broker) {
        final Map<String, Object> sharedKey = Map.of("reservations.security.local-key-dir", data.resolve("jwt"));
        try (ServiceInstance b = ServiceInstance.start(broker.bootstrapServers(), data.resolve("b"), "command-status", sharedKey)) {
            final String location;
            final String creator;
            try (ServiceInstance a = ServiceInstance.start(broker.bootstrapServers(), data.resolve("a"), "command-status",
                    sharedKey)) {
                final HttpJson viaA = a.http();
                assertThat(viaA.post("/windows", "{\"id\":\"w\",\"resources\":[{\"id\":\"s1\",\"type\":\"seat\"}]}").status())
                        .isEqualTo(201);
                creator = a.token("alice", Scopes.ALL, List.of(), Duration.ofHours(1));
                final Response accepted = a.http(creator).post("/reservations", "{\"id\":\"r1\",\"window_id\":\"w\"}",
                        "Prefer", "respond-async");
                assertThat(accepted.status()).isEqualTo(202);
                location = accepted.location();
                await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(viaA.get(location).text("status")));
            }

            // a's results cache is gone with it; b never took the command, nor decoded its result: b answers from
            // the durable command status once a's partitions of it are b's (503 with Retry-After meanwhile; a
            // rebalance may move a partition more than once after a leaves, so every read waits out a 503)
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                    .untilAsserted(() -> assertSettled(b.http(creator).get(location)));
            assertSettled(answered(b.http(), location));
            final Response stranger = answered(b.http(b.token("mallory", Scopes.ALL, List.of(), Duration.ofHours(1))),
                    location);
            assertThat(stranger.status()).as("another caller").isEqualTo(404);
            assertThat(stranger.code()).isEqualTo("command-not-found");
            // b takes a's partitions over first (503 meanwhile): then an unknown id is looked up in durable state
            await().atMost(Duration.ofMinutes(1)).until(() -> "command-not-found".equals(b.http().get("/commands/never-sent").code()));

            // a new instance on an empty state directory: its command-status is restored from command.results
            try (ServiceInstance restarted = ServiceInstance.start(broker.bootstrapServers(), data.resolve("c"),
                    "command-status", sharedKey)) {
                await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                        .untilAsserted(() -> assertSettled(restarted.http(creator).get(location)));
            }
        }
    }

    /** The first answer that is not the contract's transient 503 (a store restored or moved; Retry-After). */
    private static Response answered(final HttpJson http, final String location) {
        return await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> http.get(location), answer -> answer.status() != 503);
    }

    private static void assertSettled(final Response command) {
        assertThat(command.status()).as(command.body()).isEqualTo(200);
        assertThat(command.text("status")).isEqualTo("SUCCEEDED");
        assertThat(command.json().get("entity").get("id").asString()).isEqualTo("r1");
    }
}
