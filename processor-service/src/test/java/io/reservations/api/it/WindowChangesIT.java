package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.ReservationsApplication;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.ServiceInstance;
import io.reservations.processor.it.EventStreamClient;
import io.reservations.processor.it.EventStreamClient.Event;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /windows/{id}/changes} over HTTP: a snapshot, then the window's events as they happen; a client that
 * reconnects with {@code Last-Event-ID} gets what it missed, once, in order; an API-only instance serves it too.
 */
@ExtendWith(SharedKafkaBroker.class)
class WindowChangesIT {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void shouldStreamTheWindowsChangesAndResumeWithoutAGapOrARepeat(final KafkaTestBroker broker) throws Exception {
        try (ServiceInstance processor = ServiceInstance.start(broker.bootstrapServers(), data.resolve("p"), "changes",
                Map.of("reservations.security.local-key-dir", data.resolve("jwt")));
             ServiceInstance api = ServiceInstance.start(new Class<?>[] {ReservationsApplication.class},
                     broker.bootstrapServers(), data.resolve("a"), "changes", Map.of("reservations.api.read-from",
                             processor.baseUrl(), "reservations.security.local-key-dir", data.resolve("jwt")))) {
            final HttpJson http = processor.http();
            final String token = processor.tokens().admin(Duration.ofHours(1));
            assertThat(http.post("/windows", "{\"id\":\"w\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"},"
                    + "{\"id\":\"b\",\"type\":\"seat\"},{\"id\":\"c\",\"type\":\"seat\"}]}").status()).isEqualTo(201);
            for (final String reservation : List.of("r1", "r2", "r3")) {
                assertThat(http.post("/reservations", "{\"id\":\"" + reservation + "\",\"window_id\":\"w\"}").status())
                        .isEqualTo(201);
            }
            final String lastSeen;
            try (EventStreamClient stream = EventStreamClient.open(processor.baseUrl() + "/windows/w/changes", token, null)) {
                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.contentType()).startsWith("text/event-stream");
                final Event snapshot = stream.next(SOON);
                assertThat(snapshot.name()).isEqualTo("snapshot");
                assertThat(JSON.readTree(snapshot.data()).get("resources")).hasSize(3)
                        .allSatisfy(resource -> assertThat(resource.get("available").asBoolean()).isTrue());

                select(http, "r1");
                assertThat(reservationOf(stream.next(SOON), "ResourceAllocated")).isEqualTo("r1");
                assertThat(http.post("/reservations/r1/cancel", "{}").status()).isEqualTo(200);
                final Event released = stream.next(SOON);
                assertThat(reservationOf(released, "ResourceReleased")).isEqualTo("r1");
                lastSeen = released.id();
            }

            select(http, "r2"); // while no client listens
            select(http, "r3");
            try (EventStreamClient resumed = EventStreamClient.open(processor.baseUrl() + "/windows/w/changes", token,
                    lastSeen)) {
                assertThat(reservationOf(resumed.next(SOON), "ResourceAllocated")).isEqualTo("r2");
                assertThat(reservationOf(resumed.next(SOON), "ResourceAllocated")).isEqualTo("r3");
                assertThat(resumed.next(Duration.ofSeconds(2))).as("nothing missed twice").isNull();
            }

            // wherever the client connected: the REST edge alone, whose snapshot comes from the processor instance
            try (EventStreamClient elsewhere = EventStreamClient.open(api.baseUrl() + "/windows/w/changes", token, null)) {
                final JsonNode window = JSON.readTree(elsewhere.next(SOON).data());
                assertThat(window.get("resources").valueStream()
                        .map(resource -> resource.get("held_by").isNull() ? null : resource.get("held_by").asString()))
                        .containsExactly("r2", "r3", null); // r1's seat, freed, went to r2
                assertThat(http.post("/reservations/r2/cancel", "{}").status()).isEqualTo(200);
                assertThat(reservationOf(elsewhere.next(SOON), "ResourceReleased")).as("no event the snapshot showed")
                        .isEqualTo("r2");
            }

            final HttpJson.Response missing = processor.http().get("/windows/nope/changes");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("window-not-found");
        }
    }

    private static void select(final HttpJson http, final String reservation) {
        assertThat(http.post("/reservations/" + reservation + "/select-resource", "{\"resource_type\":\"seat\"}")
                .status()).isEqualTo(200);
    }

    private static String reservationOf(final Event event, final String name) {
        assertThat(event).as("an event within " + SOON).isNotNull();
        assertThat(event.name()).isEqualTo(name);
        return JSON.readTree(event.data()).get("reservation_id").asString();
    }
}
