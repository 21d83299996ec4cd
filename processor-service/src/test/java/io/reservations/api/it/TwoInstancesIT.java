package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API+processor instances share the partitions of one broker. Whichever instance a client talks to, a
 * command's answer reaches it and a read is served from the owner's store.
 */
@ExtendWith(SharedKafkaBroker.class)
class TwoInstancesIT {

    @TempDir
    Path data;

    @Test
    void shouldGiveTheSameAnswersThroughEitherInstanceWhoeverOwnsTheKeys(final KafkaTestBroker broker) {
        try (ServiceInstance a = ServiceInstance.start(broker.bootstrapServers(), data.resolve("a"), "two-instances",
                     Map.of("reservations.security.local-key-dir", data.resolve("jwt")));
             ServiceInstance b = ServiceInstance.start(broker.bootstrapServers(), data.resolve("b"), "two-instances",
                     Map.of("reservations.security.local-key-dir", data.resolve("jwt")))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> ownsPartitions(a) && ownsPartitions(b));
            final HttpJson viaA = a.http();
            final HttpJson viaB = b.http();

            for (int w = 0; w < 6; w++) {
                final HttpJson creator = w % 2 == 0 ? viaA : viaB;
                assertThat(creator.post("/windows", "{\"id\":\"window-" + w + "\",\"resources\":["
                        + "{\"id\":\"s1\",\"type\":\"seat\"},{\"id\":\"s2\",\"type\":\"seat\"}]}").status()).isEqualTo(201);
            }
            for (int r = 0; r < 12; r++) {
                final HttpJson creator = r % 2 == 0 ? viaB : viaA;
                assertThat(creator.post("/reservations", "{\"id\":\"reservation-" + r + "\",\"window_id\":\"window-"
                        + (r % 6) + "\"}").status()).isEqualTo(201);
            }
            for (int r = 0; r < 12; r++) {
                final HttpJson selector = r % 3 == 0 ? viaA : viaB;
                final Response selected = selector.post("/reservations/reservation-" + r + "/select-resource",
                        "{\"resource_type\":\"seat\"}");
                assertThat(selected.status()).as(selected.body()).isEqualTo(200);
            }

            final Set<Integer> owners = new HashSet<>();
            for (final String key : List.of("window-0", "window-3", "window-5")) {
                owners.add(a.processor().shardMasters().queryMetadataForKey(StoresAndTopics.RESERVATIONS, key,
                        Serdes.String().serializer()).activeHost().port());
            }
            for (final String key : List.of("reservation-0", "reservation-7", "reservation-11")) {
                owners.add(a.processor().shardMasters().queryMetadataForKey(StoresAndTopics.RESERVATIONS, key,
                        Serdes.String().serializer()).activeHost().port());
            }
            assertThat(owners).as("the keys read below are owned by both instances").hasSize(2);

            for (final String path : List.of("/windows/window-0", "/windows/window-3", "/windows/window-5",
                    "/reservations/reservation-0", "/reservations/reservation-7", "/reservations/reservation-11",
                    "/windows/missing", "/reservations/missing", "/windows/window-3/availability",
                    "/windows/window-0/resources?type=seat&limit=1", "/windows/window-5/resources?available=false")) {
                final Response fromA = viaA.get(path);
                final Response fromB = viaB.get(path);
                assertThat(fromA.status()).as(path).isIn(200, 404).isEqualTo(fromB.status());
                assertThat(fromA.json()).as(path).isEqualTo(fromB.json());
                assertThat(fromA.contentType()).isEqualTo(fromB.contentType());
            }
            // a page token from one instance walks on through the other (the query string travels with the read)
            final String next = viaA.get("/windows/window-3/resources?limit=1").text("next_page_token");
            assertThat(viaB.get("/windows/window-3/resources?limit=1&page_token=" + next).json().get("items").get(0)
                    .get("id").asString()).isEqualTo("s2");
            assertThat(viaB.get("/windows/window-1").json().findValues("held_by").stream().map(n -> n.asString()).toList())
                    .containsExactlyInAnyOrder("reservation-1", "reservation-7");

            b.processor().close(); // b's stores are gone: its reads answer 503 until it is back, never 500
            final Response unavailable = viaB.get("/windows/window-1");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.contentType()).startsWith("application/problem+json");
            assertThat(unavailable.code()).isEqualTo("unavailable");
            assertThat(unavailable.retryAfter()).isEqualTo("1");
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(viaA.get("/windows/window-1").status()).as("a took b's partitions over").isEqualTo(200));
        }
    }

    private static boolean ownsPartitions(final ServiceInstance instance) {
        final KafkaStreams streams = instance.processor().shardMasters();
        return streams.state() == KafkaStreams.State.RUNNING
                && streams.metadataForLocalThreads().stream().map(ThreadMetadata::activeTasks).anyMatch(tasks -> !tasks.isEmpty());
    }
}
