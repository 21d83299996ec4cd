package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The seed's deadlock scenario, over HTTP: many clients select on one window at the same moment. */
@ExtendWith(SharedKafkaBroker.class)
class ConcurrentSelectionIT {

    @TempDir
    Path data;

    @Test
    void shouldConfirmExactlyTenOfFiftyConcurrentSelectionsWithoutDeadlockOrServerError(final KafkaTestBroker broker) throws Exception {
        final ExecutorService clients = Executors.newFixedThreadPool(50);
        try (ServiceInstance service = ServiceInstance.start(broker.bootstrapServers(), data, "concurrent-selection", Map.of())) {
            final HttpJson http = service.http();
            final String resources = IntStream.range(0, 10)
                    .mapToObj(i -> "{\"id\":\"seat-" + i + "\",\"type\":\"seat\"}").collect(Collectors.joining(","));
            assertThat(http.post("/windows", "{\"id\":\"hot-window\",\"resources\":[" + resources + "]}").status()).isEqualTo(201);
            for (int i = 0; i < 50; i++) {
                assertThat(http.post("/reservations", "{\"id\":\"racer-" + i + "\",\"window_id\":\"hot-window\"}").status())
                        .isEqualTo(201);
            }

            final List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                final String path = "/reservations/racer-" + i + "/select-resource";
                calls.add(CompletableFuture.supplyAsync(() -> http.post(path, "{\"resource_type\":\"seat\"}"), clients));
            }
            final List<Response> answers = calls.stream().map(CompletableFuture::join).toList();

            assertThat(answers).filteredOn(r -> r.status() >= 500).isEmpty();
            final List<Response> confirmed = answers.stream().filter(r -> r.status() == 200).toList();
            assertThat(confirmed).hasSize(10).allSatisfy(r -> assertThat(r.text("status")).isEqualTo("CONFIRMED"));
            assertThat(answers).filteredOn(r -> r.status() == 409)
                    .hasSize(40).allSatisfy(r -> assertThat(r.code()).isEqualTo("no-resource-available"));

            final Set<String> winners = confirmed.stream().map(r -> r.text("id")).collect(Collectors.toSet());
            final Set<String> holders = new HashSet<>();
            for (final JsonNode resource : http.get("/windows/hot-window").json().get("resources")) {
                assertThat(resource.get("available").asBoolean()).isFalse();
                holders.add(resource.get("held_by").asString());
            }
            assertThat(holders).isEqualTo(winners);
        } finally {
            clients.shutdownNow();
        }
    }
}
