package io.reservations.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.ServiceInstance;
import io.reservations.local.LocalService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The one-process local service: its own KRaft broker under the data directory, and state kept across restarts. */
class LocalServiceRestartIT {

    @TempDir
    Path data;

    @Test
    void shouldKeepWindowsAndReservationsAcrossARestart() {
        final int kafkaPort = ServiceInstance.freePortPair();
        final Map<String, Object> local = Map.of("reservations.kafka.local-port", kafkaPort);
        final JsonNode window;
        final JsonNode reservation;
        try (ServiceInstance first = ServiceInstance.start(LocalService.sources(), "", data, "reservation-processor", local)) {
            final HttpJson http = first.http();
            assertThat(http.post("/windows", "{\"id\":\"kept-window\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}")
                    .status()).isEqualTo(201);
            assertThat(http.post("/reservations", "{\"id\":\"kept-reservation\",\"window_id\":\"kept-window\"}").status())
                    .isEqualTo(201);
            assertThat(http.post("/reservations/kept-reservation/select-resource", "{\"resource_type\":\"seat\"}").status())
                    .isEqualTo(200);
            window = http.get("/windows/kept-window").json();
            reservation = http.get("/reservations/kept-reservation").json();
        }
        assertThat(Files.isDirectory(data.resolve("kafka"))).as("broker data under the data directory").isTrue();

        try (ServiceInstance second = ServiceInstance.start(LocalService.sources(), "", data, "reservation-processor", local)) {
            final HttpJson http = second.http();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertThat(http.get("/windows/kept-window").json()).isEqualTo(window);
                assertThat(http.get("/reservations/kept-reservation").json()).isEqualTo(reservation);
            });
            assertThat(reservation.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(http.post("/windows", "{\"id\":\"kept-window\",\"resources\":[]}").code()).isEqualTo("window-exists");
        }
    }
}
