package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.security.Scopes;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A window of 10,000 resources (DESIGN.md's limit) over HTTP: one POST, read back in declared order, allocated,
 * walked in pages, counted per type.
 */
@ExtendWith(SharedKafkaBroker.class)
class BigWindowIT {

    @Test
    void shouldCreateReadAndAllocateATenThousandResourceWindow(@TempDir final Path data, final KafkaTestBroker broker) {
        try (ServiceInstance service = ServiceInstance.start(broker.bootstrapServers(), data, "big-window", Map.of())) {
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

            assertThat(walk(http, "/windows/big/resources?limit=500", 20)).as("pages of 500 in declared order, each once")
                    .containsExactlyElementsOf(IntStream.range(0, 10_000).mapToObj(i -> id(75, i)).toList());
            assertThat(walk(http, "/windows/big/resources?type=desk&available=false", 1)).containsExactly(id(75, 1));
            assertThat(walk(http, "/windows/big/resources?type=desk&available=true&limit=500", 10))
                    .hasSize(4_999).doesNotContain(id(75, 1)).allMatch(id -> Integer.parseInt(id.substring(70)) % 2 == 1);
            final StringBuilder listed = new StringBuilder();
            for (String page = "/windows"; page != null; ) {
                final JsonNode body = http.get(page).json();
                listed.append(body.get("items"));
                page = body.has("next_page_token") ? "/windows?page_token=" + body.get("next_page_token").asString() : null;
            }
            assertThat(listed.toString()).as("GET /windows, every page")
                    .contains("{\"id\":\"big\",\"resource_count\":10000,\"available_count\":9999}");
            final JsonNode types = http.get("/windows/big/availability").json().get("types");
            assertThat(types.get("seat").get("total").asInt()).isEqualTo(5_000);
            assertThat(types.get("seat").get("available").asInt()).isEqualTo(5_000);
            assertThat(types.get("desk").get("total").asInt()).isEqualTo(5_000);
            assertThat(types.get("desk").get("available").asInt()).as("one desk held").isEqualTo(4_999);
            assertThat(http.get("/windows/nowhere/availability").code()).isEqualTo("window-not-found");
            assertBadPagesRefused(http, service.http(service.token("someone", Scopes.READ, List.of(), Duration.ofHours(1))));
            assertThat(http.get("/windows/nowhere/resources").code()).isEqualTo("window-not-found");
        }
    }

    /** limit out of bounds, available not a boolean, a token edited, or given for another query or caller: 400. */
    private static void assertBadPagesRefused(final HttpJson admin, final HttpJson someoneElse) {
        for (final String query : List.of("limit=0", "limit=501", "limit=ten", "available=maybe", "page_token=bm90LWEtdG9rZW4")) {
            final HttpJson.Response refused = admin.get("/windows/big/resources?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("invalid");
        }
        final String token = admin.get("/windows/big/resources?type=seat&limit=2").text("next_page_token");
        assertThat(admin.get("/windows/big/resources?type=seat&limit=2&page_token=" + token).status()).isEqualTo(200);
        assertThat(admin.get("/windows/big/resources?type=desk&limit=2&page_token=" + token).code())
                .as("another query's token").isEqualTo("invalid");
        assertThat(someoneElse.get("/windows/big/resources?type=seat&limit=2&page_token=" + token).code())
                .as("another caller's token").isEqualTo("invalid");
        final String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("9000." + new String(Base64.getUrlDecoder().decode(token)).split("\\.")[1]).getBytes());
        assertThat(admin.get("/windows/big/resources?type=seat&limit=2&page_token=" + forged).code())
                .as("a token whose position was changed").isEqualTo("invalid");
    }

    /** Follows next_page_token from the first page to the last; returns the ids in the order received. */
    private static List<String> walk(final HttpJson http, final String firstPage, final int expectedPages) {
        final List<String> ids = new ArrayList<>();
        String page = firstPage;
        int pages = 0;
        while (page != null) {
            final HttpJson.Response response = http.get(page);
            assertThat(response.status()).as("GET %s: %s", page, response.body()).isEqualTo(200);
            response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
            pages++;
            final JsonNode next = response.json().get("next_page_token");
            page = next == null ? null : firstPage + (firstPage.contains("?") ? "&" : "?") + "page_token=" + next.asString();
        }
        assertThat(pages).as("pages of %s", firstPage).isEqualTo(expectedPages);
        return ids;
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
