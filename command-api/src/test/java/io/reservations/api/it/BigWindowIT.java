package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.ServiceInstance;
import io.reservations.processor.it.KafkaTestBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/** A window of 10,000 resources (DESIGN.md's limit) over HTTP: one POST, read back in declared order, allocated. */
class BigWindowIT {

    @Test
    void shouldCreateReadAndAllocateATenThousandResourceWindow(@TempDir final Path data) {
        final EmbeddedKafkaKraftBroker broker = KafkaTestBroker.start();
        try (ServiceInstance service = ServiceInstance.start(broker.getBrokersAsString(), data, "big-window", Map.of())) {
            final HttpJson http = service.http();
            // 128-character ids make a body of about 1.7 MB, over the 1 MiB limit; 75-character ones about 1 MB, under it
            final String tooLarge = body(128);
            final String largest = body(75);
            assertThat(tooLarge.length()).isGreaterThan(1024 * 1024);
            assertThat(largest.length()).isBetween(900_000, 1024 * 1024);
            assertThat(http.post("/windows", tooLarge).code()).isEqualTo("payload-too-large");

            final HttpJson.Response created = http.post("/windows", largest);
            assertThat(created.status()).as(created.body().substring(0, Math.min(300, created.body().length())))
                    .isEqualTo(201);
            assertThat(created.json().get("resources")).hasSize(10_000);

            assertThat(http.post("/reservations", "{\"id\":\"big-r\",\"window_id\":\"big\"}").status()).isEqualTo(201);
            final HttpJson.Response selected = http.post("/reservations/big-r/select-resource", "{\"resource_type\":\"desk\"}");
            assertThat(selected.json().get("selected_resource").get("id").asString()).isEqualTo(id(75, 1));

            final JsonNode resources = http.get("/windows/big").json().get("resources");
            final List<String> ids = new ArrayList<>();
            resources.forEach(resource -> ids.add(resource.get("id").asString()));
            assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 10_000).mapToObj(i -> id(75, i)).toList());
            assertThat(resources.get(1).get("held_by").asString()).isEqualTo("big-r");
        } finally {
            broker.destroy();
        }
    }

    private static String body(final int idLength) {
        return "{\"id\":\"big\",\"resources\":[" + IntStream.range(0, 10_000)
                .mapToObj(i -> "{\"id\":\"" + id(idLength, i) + "\",\"type\":\"" + (i % 2 == 0 ? "seat" : "desk") + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    /** Ids of {@code length} characters that sort like their index, to show declared order is kept. */
    private static String id(final int length, final int index) {
        final String suffix = String.format("-%05d", index);
        return "r".repeat(length - suffix.length()) + suffix;
    }
}
