package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.security.Scopes;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /reservations} over two instances: 300 reservations of three owners spread over every partition; each
 * page walk returns every item once, owners see only their own, an admin sees everyone's or one owner's; the
 * windows are listed with their counts.
 */
@ExtendWith(SharedKafkaBroker.class)
class ListingsIT {

    private static final List<String> OWNERS = List.of("alice", "bob", "carol");
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path data;

    @Test
    void shouldWalkEachOwnersReservationsAndEveryonesForAnAdminThroughEitherInstance(final KafkaTestBroker broker) throws Exception {
        final Map<String, Object> sharedKey = Map.of("reservations.security.local-key-dir", data.resolve("jwt"));
        try (ServiceInstance a = ServiceInstance.start(broker.bootstrapServers(), data.resolve("a"), "listings", sharedKey);
             ServiceInstance b = ServiceInstance.start(broker.bootstrapServers(), data.resolve("b"), "listings", sharedKey)) {
            final List<HttpJson> admins = List.of(a.http(), b.http());
            for (final String window : List.of("w-0", "w-1")) {
                assertThat(admins.get(0).post("/windows", "{\"id\":\"" + window + "\",\"resources\":[{\"id\":\"s\",\"type\":\"seat\"}]}")
                        .status()).isEqualTo(201);
            }
            final Map<String, List<HttpJson>> clients = Map.of("alice", clients(a, b, "alice"), "bob", clients(a, b, "bob"),
                    "carol", clients(a, b, "carol"), "dave", clients(a, b, "dave"));
            final Map<String, List<String>> expected = Map.of("alice", new ArrayList<>(), "bob", new ArrayList<>(),
                    "carol", new ArrayList<>());
            for (int r = 0; r < 300; r++) {
                final String owner = OWNERS.get(r % 3);
                final String id = String.format("r-%03d", r);
                assertThat(clients.get(owner).get(r % 2).post("/reservations",
                        "{\"id\":\"" + id + "\",\"window_id\":\"w-" + (r / 3) % 2 + "\"}").status()).isEqualTo(201);
                expected.get(owner).add(id);
            }

            for (final String owner : OWNERS) {
                // read-your-writes: every create was answered 201, so the listing has it, whichever instance answers
                assertThat(walk(clients.get(owner), "/reservations?limit=7"))
                        .as("%s's reservations, each once, in id order", owner).containsExactlyElementsOf(expected.get(owner));
                assertThat(walk(admins, "/reservations?limit=40&owner=" + owner)).containsExactlyElementsOf(expected.get(owner));
            }
            final List<String> everyone = walk(admins, "/reservations?limit=50");
            assertThat(everyone).as("an admin sees everyone's, each once").hasSize(300).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 300).mapToObj(r -> String.format("r-%03d", r)).toList());
            assertThat(walk(clients.get("alice"), "/reservations?window_id=w-1&status=PENDING"))
                    .containsExactlyElementsOf(expected.get("alice").stream().filter(id -> (Integer.parseInt(id.substring(2)) / 3) % 2 == 1).toList());
            assertThat(walk(clients.get("bob"), "/reservations?status=CONFIRMED")).isEmpty();
            assertReadsReflectTheAnsweredSelection(clients.get("alice"));
            assertEachCreateListedRightAfterItsAnswerWithNothingWrittenByTheListings(broker, clients.get("dave"));

            assertThat(walk(admins, "/windows?limit=1")).as("every window, each once").containsExactlyInAnyOrder("w-0", "w-1");
            final JsonNode firstWindows = admins.get(0).get("/windows?limit=500").json().get("items");
            firstWindows.forEach(window -> {
                assertThat(window.get("resource_count").asInt()).isEqualTo(1);
                assertThat(window.get("available_count").asInt()).as("w-0's seat is taken").isEqualTo(
                        window.get("id").asString().equals("w-0") ? 0 : 1);
            });

            assertBadListingsRefused(clients.get("alice").get(0), clients.get("bob").get(0));
        }
    }

    /** A listing and the availability read right after a 200, through the other instance, show what it did. */
    private static void assertReadsReflectTheAnsweredSelection(final List<HttpJson> alice) {
        assertThat(alice.get(0).post("/reservations/r-000/select-resource", "{\"resource_type\":\"seat\"}").status())
                .isEqualTo(200);
        assertThat(walk(List.of(alice.get(1)), "/reservations?status=CONFIRMED")).containsExactly("r-000");
        assertThat(alice.get(1).get("/windows/w-0/availability").json().get("types").get("seat").get("available").asInt())
                .isZero();
    }

    /**
     * Read-your-writes, twenty times: a create answered through one instance is listed at once through the other;
     * and the listings write nothing (the owner index's topic grows by the creates' changes only).
     */
    private static void assertEachCreateListedRightAfterItsAnswerWithNothingWrittenByTheListings(
            final KafkaTestBroker broker, final List<HttpJson> dave) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            final long before = indexTopicEnd(admin);
            final List<String> created = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                final String id = String.format("r-dave-%02d", n);
                assertThat(dave.get(n % 2).post("/reservations", "{\"id\":\"" + id + "\",\"window_id\":\"w-1\"}")
                        .status()).isEqualTo(201);
                created.add(id);
                assertThat(walk(List.of(dave.get((n + 1) % 2)), "/reservations")).as("listed right after its 201")
                        .containsExactlyElementsOf(created);
            }
            assertThat(indexTopicEnd(admin) - before).as("one record per create, none per listing")
                    .isLessThanOrEqualTo(2 * 20); // each change and its transaction's marker
        }
    }

    /** The sum of the owner index topic's end offsets (records and transaction markers). */
    private static long indexTopicEnd(final Admin admin) throws Exception {
        final String topic = StoresAndTopics.ownerIndexTopic("listings");
        final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(info -> partitions.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    private static void assertBadListingsRefused(final HttpJson alice, final HttpJson bob) {
        for (final String query : List.of("limit=0", "limit=501", "status=LOST", "window_id=not%20an%20id",
                "page_token=Zm9yZ2Vk")) {
            final Response refused = alice.get("/reservations?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("invalid");
        }
        assertThat(bob.get("/reservations?owner=alice").status()).as("someone else's, without the admin role").isEqualTo(403);
        final String token = alice.get("/reservations?limit=2").text("next_page_token");
        assertThat(bob.get("/reservations?limit=2&page_token=" + token).code()).as("alice's token").isEqualTo("invalid");
        assertThat(alice.get("/reservations?limit=2&status=PENDING&page_token=" + token).code())
                .as("another query's token").isEqualTo("invalid");
    }

    /** One client per instance for the owner. */
    private static List<HttpJson> clients(final ServiceInstance a, final ServiceInstance b, final String owner) {
        return List.of(a.http(a.token(owner, Scopes.ALL, List.of(), HOUR)), b.http(b.token(owner, Scopes.ALL, List.of(), HOUR)));
    }

    /** Follows next_page_token to the end, alternating instances; returns the ids in the order received. */
    private static List<String> walk(final List<HttpJson> instances, final String firstPage) {
        final List<String> ids = new ArrayList<>();
        String page = firstPage;
        for (int n = 0; page != null; n++) {
            final Response response = instances.get(n % instances.size()).get(page);
            assertThat(response.status()).as("GET %s: %s", page, response.body()).isEqualTo(200);
            response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
            final JsonNode next = response.json().get("next_page_token");
            page = next == null ? null : firstPage + (firstPage.contains("?") ? "&" : "?") + "page_token=" + next.asString();
        }
        return ids;
    }
}
