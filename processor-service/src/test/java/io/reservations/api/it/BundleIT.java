package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.security.Scopes;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles over HTTP, as DESIGN.md's walk-through: one that succeeds, one that fails on its second item and
 * releases the first, a held bundle confirmed; the items' own moves refused meanwhile, another caller's bundle
 * unseen.
 */
@ExtendWith(SharedKafkaBroker.class)
class BundleIT {

    private static ServiceInstance service;
    private static HttpJson alice;

    @BeforeAll
    static void start(@TempDir final Path data, final KafkaTestBroker broker) {
        service = ServiceInstance.start(broker.bootstrapServers(), data, "bundles", Map.of());
        final HttpJson admin = service.http();
        for (final String window : List.of("flights", "hotels")) {
            assertThat(admin.post("/windows", "{\"id\":\"" + window + "\",\"resources\":[{\"id\":\"" + window
                    + "-1\",\"type\":\"" + window + "\"}]}").status()).isEqualTo(201);
        }
        alice = service.http(service.token("alice", Scopes.ALL, List.of(), Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldGiveEveryItemItsResourceOrNoneAndLetAHeldBundleBeConfirmed() {
        reservations("trip-flight", "flights", "trip-hotel", "hotels", "late-flight", "flights", "late-hotel", "hotels");

        final Response held = alice.post("/bundles", "{\"id\":\"trip\",\"hold_for\":\"PT10M\",\"items\":["
                + "{\"reservation_id\":\"trip-flight\",\"resource_type\":\"flights\"},"
                + "{\"reservation_id\":\"trip-hotel\",\"resource_type\":\"hotels\"}]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.location()).isEqualTo("/bundles/trip");
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.json().get("items").get(1).get("selected_resource").get("id").asString()).isEqualTo("hotels-1");
        assertThat(alice.get("/reservations/trip-hotel").text("status")).as("every item has applied its part")
                .isEqualTo("HELD");
        assertThat(alice.get("/reservations/trip-hotel").text("bundle_id")).isEqualTo("trip");
        assertThat(alice.post("/reservations/trip-hotel/cancel", null).code()).isEqualTo("in-bundle");

        final Response failed = alice.post("/bundles", "{\"id\":\"late\",\"items\":["
                + "{\"reservation_id\":\"late-hotel\",\"resource_type\":\"hotels\"},"
                + "{\"reservation_id\":\"late-flight\",\"resource_type\":\"flights\"}]}");
        assertThat(failed.status()).isEqualTo(409);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.code()).isEqualTo("no-resource-available");
        assertThat(failed.json().get("failed_reservation_id").asString()).isIn("late-hotel", "late-flight");
        assertThat(alice.get("/reservations/late-flight").text("status")).isEqualTo("PENDING");
        assertThat(alice.get("/bundles/late").text("status")).isEqualTo("REJECTED");

        final Response confirmed = alice.post("/bundles/trip/confirm", null);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(alice.get("/reservations/trip-flight").text("status")).isEqualTo("CONFIRMED");
        assertThat(alice.post("/bundles/late/cancel", null).code()).isEqualTo("bundle-rejected");

        assertThat(ids(alice, "/bundles?limit=1")).containsExactlyInAnyOrder("late", "trip");
        assertThat(ids(alice, "/bundles?status=REJECTED")).containsExactly("late");
        assertThat(alice.get("/bundles?status=LOST").code()).isEqualTo("invalid");

        final HttpJson bob = service.http(service.token("bob", Scopes.ALL, List.of(), Duration.ofHours(1)));
        assertThat(ids(bob, "/bundles")).as("only the caller's own").isEmpty();
        assertThat(ids(service.http(), "/bundles")).as("an admin's: everyone's").contains("late", "trip");
        assertThat(bob.get("/bundles/trip").code()).as("another caller's bundle").isEqualTo("bundle-not-found");
        assertThat(bob.post("/bundles/trip/cancel", null).status()).isEqualTo(404);
        final Response cancelled = alice.post("/bundles/trip/cancel", null);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(alice.get("/reservations/trip-flight").text("status")).isEqualTo("CANCELLED");
        assertThat(alice.get("/windows/flights").json().get("resources").get(0).get("available").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseABundleOutsideTheContractsBounds() {
        for (final String body : List.of("{\"items\":[{\"reservation_id\":\"a\",\"resource_type\":\"seat\"}]}",
                "{\"items\":[{\"reservation_id\":\"a\",\"resource_type\":\"seat\"},"
                        + "{\"reservation_id\":\"a\",\"resource_type\":\"seat\"}]}",
                "{\"hold_for\":\"PT0S\",\"items\":[{\"reservation_id\":\"a\",\"resource_type\":\"seat\"},"
                        + "{\"reservation_id\":\"b\",\"resource_type\":\"seat\"}]}")) {
            final Response refused = alice.post("/bundles", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invalid");
        }
    }

    /** The ids of every page of a listing, following its tokens. */
    private static List<String> ids(final HttpJson caller, final String listing) {
        final List<String> ids = new ArrayList<>();
        Response page = caller.get(listing);
        while (true) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
            if (page.json().get("next_page_token") == null) {
                return ids;
            }
            page = caller.get(listing + (listing.contains("?") ? "&" : "?") + "page_token="
                    + page.json().get("next_page_token").asString());
        }
    }

    private static void reservations(final String... idsAndWindows) {
        for (int i = 0; i < idsAndWindows.length; i += 2) {
            assertThat(alice.post("/reservations", "{\"id\":\"" + idsAndWindows[i] + "\",\"window_id\":\""
                    + idsAndWindows[i + 1] + "\"}").status()).isEqualTo(201);
        }
    }
}
