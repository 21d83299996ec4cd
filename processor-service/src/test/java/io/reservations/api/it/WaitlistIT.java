package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist over HTTP, as DESIGN.md's walk-through: a window of one seat, three waiting, two cancels, and the order
 * in which they get the seat.
 */
@ExtendWith(SharedKafkaBroker.class)
class WaitlistIT {

    private static final String WAIT = "{\"resource_type\":\"seat\",\"waitlist\":true}";

    private static ServiceInstance service;
    private static HttpJson http;

    @BeforeAll
    static void start(@TempDir final Path data, final KafkaTestBroker broker) {
        service = ServiceInstance.start(broker.bootstrapServers(), data, "waitlist", Map.of());
        http = service.http();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldGiveTheSeatToThoseWaitingInJoinOrderAndSkipOneWhoCancelled() {
        assertThat(http.post("/windows", "{\"id\":\"one-seat\",\"resources\":[{\"id\":\"seat-1\",\"type\":\"seat\"}]}")
                .status()).isEqualTo(201);
        for (final String id : List.of("ann", "bob", "cy", "dee", "eve")) {
            assertThat(http.post("/reservations", "{\"id\":\"" + id + "\",\"window_id\":\"one-seat\"}").status())
                    .isEqualTo(201);
        }
        assertThat(http.post("/reservations/ann/select-resource", "{\"resource_type\":\"seat\"}").text("status"))
                .isEqualTo("CONFIRMED");

        final Response bob = http.post("/reservations/bob/select-resource", WAIT, "Idempotency-Key", "bob-waits");
        assertThat(bob.status()).isEqualTo(200);
        assertThat(bob.text("status")).isEqualTo("WAITLISTED");
        assertThat(bob.json().get("waitlist_position").asInt()).isEqualTo(1);
        assertThat(http.post("/reservations/cy/select-resource", WAIT).json().get("waitlist_position").asInt()).isEqualTo(2);
        assertThat(http.post("/reservations/dee/select-resource", WAIT).json().get("waitlist_position").asInt()).isEqualTo(3);
        assertThat(http.post("/reservations/bob/select-resource", WAIT, "Idempotency-Key", "bob-waits").body())
                .as("a retry gets the stored answer").isEqualTo(bob.body());
        assertThat(http.get("/reservations/cy").json().get("waitlist_position").asInt()).isEqualTo(2);
        assertThat(seats(http)).isEqualTo(Map.of("total", 1, "available", 0, "waitlisted", 3));
        assertThat(ids(http.get("/reservations?status=WAITLISTED"))).containsExactlyInAnyOrder("bob", "cy", "dee");

        assertThat(http.post("/reservations/cy/cancel", null).text("status")).isEqualTo("CANCELLED");
        assertThat(http.post("/reservations/ann/cancel", null).text("status")).isEqualTo("CANCELLED");
        awaitStatus(http, "bob", "CONFIRMED");
        assertThat(http.get("/reservations/bob").json().get("selected_resource").get("id").asString()).isEqualTo("seat-1");
        assertThat(http.post("/reservations/bob/cancel", null).text("status")).isEqualTo("CANCELLED");
        awaitStatus(http, "dee", "CONFIRMED");
        assertThat(seats(http)).isEqualTo(Map.of("total", 1, "available", 0, "waitlisted", 0));

        assertThat(http.post("/reservations/eve/select-resource", WAIT).text("status")).isEqualTo("WAITLISTED");
        assertThat(http.post("/reservations/eve/select-resource", WAIT).code()).isEqualTo("selection-in-progress");
        assertThat(http.post("/reservations/eve/confirm", null).code()).isEqualTo("not-held");
    }

    @Test
    void shouldRefuseAWaitOutOfBoundsAndATypeTheWindowDoesNotDeclare() {
        assertThat(http.post("/windows", "{\"id\":\"w2\",\"resources\":[{\"id\":\"s\",\"type\":\"seat\"}]}").status())
                .isEqualTo(201);
        assertThat(http.post("/reservations", "{\"id\":\"r2\",\"window_id\":\"w2\"}").status()).isEqualTo(201);

        for (final String body : List.of("{\"resource_type\":\"seat\",\"waitlist\":true,\"waitlist_for\":\"PT30S\"}",
                "{\"resource_type\":\"seat\",\"waitlist\":true,\"waitlist_for\":\"P31D\"}",
                "{\"resource_type\":\"seat\",\"waitlist_for\":\"P2D\"}")) {
            final Response refused = http.post("/reservations/r2/select-resource", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invalid");
        }
        assertThat(http.post("/reservations/r2/select-resource", "{\"resource_type\":\"lamp\",\"waitlist\":true}").code())
                .isEqualTo("no-resource-available");
    }

    private static Map<String, Integer> seats(final HttpJson http) {
        final JsonNode seat = http.get("/windows/one-seat/availability").json().get("types").get("seat");
        return Map.of("total", seat.get("total").asInt(), "available", seat.get("available").asInt(),
                "waitlisted", seat.get("waitlisted").asInt());
    }

    private static List<String> ids(final Response page) {
        return StreamSupport.stream(page.json().get("items").spliterator(), false)
                .map(item -> item.get("id").asString()).toList();
    }

    private static void awaitStatus(final HttpJson http, final String id, final String status) {
        await(id + " " + status).atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(http.get("/reservations/" + id).text("status")));
    }
}
