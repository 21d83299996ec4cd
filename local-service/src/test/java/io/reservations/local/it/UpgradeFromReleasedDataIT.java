package io.reservations.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.local.LocalKafkaBroker;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.ServiceInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The new version started on a {@code data/} directory the released version 0.1.0 wrote (whole-window JSON
 * documents, JSON reservations and de-duplication entries; see {@code upgrade/0.1.0/README.md}): nothing is lost,
 * old windows are migrated to the indexed layout as they are used, and a restart on the mixed state still reads
 * it all. And the state of the build before the read models had an application of their own: its command statuses
 * and owner index are rebuilt in theirs (see {@code upgrade/before-read-models/README.md}).
 *
 * <p>Each service runs on the local broker of its data directory, started here as the service would start it but
 * with the broker's time-based retention held back: the archives are days old, so on today's clock the broker would
 * delete their expired segments (the de-duplication changelog's after 48 h; the commands', the results' and the
 * owner index's after 7 days), racing the test; an upgrade that starts where the released version stopped finds them
 * all. Two paths delete them: the retention task, from 30 s after the start, for {@code cleanup.policy=delete}, and
 * the log cleaner's threads, at once, for {@code compact,delete} (the de-duplication changelog, the results): when
 * the cleaner emptied the de-duplication changelog before the processor read it, the processor found its checkpoint
 * below the log's start, restored the store from the emptied changelog, and the retried create answered 409
 * {@code reservation-exists} (one CI run in five on 2026-12-03; every time when the test waited for the cleaner).
 */
class UpgradeFromReleasedDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ENTITIES = List.of("windows/w-old", "windows/w-tiny", "reservations/r-old-1",
            "reservations/r-old-2", "reservations/r-old-3", "reservations/r-old-4", "reservations/r-tiny");

    /** The retention task's first check never comes (longer than any test here), and no log cleaner runs. */
    private static final Map<String, String> RETENTION_HELD_BACK = Map.of(
            "log.initial.task.delay.ms", Long.toString(Duration.ofHours(6).toMillis()),
            "log.retention.check.interval.ms", Long.toString(Duration.ofHours(6).toMillis()),
            "log.cleaner.enable", "false"); // deprecated in Kafka 4, removed in 5: the only switch for the cleaner

    @TempDir
    Path root;
    private Path data;
    private int port;

    @BeforeEach
    void choosePorts() {
        data = root.resolve("data");
        port = ServiceInstance.freePortPair();
    }

    @Test
    void shouldFindTheCommandStatusAndOwnerIndexOfTheBuildBeforeTheReadModelsHadTheirOwnApplication() throws Exception {
        unpack("/upgrade/before-read-models/data.tar.gz");
        try (LocalKafkaBroker broker = broker(); ServiceInstance upgraded = service(broker)) {
            final HttpJson http = upgraded.http();
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() -> {
                final JsonNode status = http.get("/commands/2fb4a52c-8d0f-33a7-b96e-1a861e67cfb2").json();
                assertThat(status.get("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(status.get("entity").get("selected_resource").get("id").asString()).isEqualTo("s0");
            });
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() ->
                    assertThat(everyone(http)).containsExactly("r-split-1", "r-split-2"));
            assertThat(http.post("/reservations/r-split-2/select-resource", "{\"resource_type\":\"seat\"}")
                    .json().get("selected_resource").get("id").asString()).isEqualTo("s1");
            assertThat(http.get("/reservations?owner=admin").json().get("items").get(1).get("status").asString())
                    .as("listed right after its 200").isEqualTo("CONFIRMED");
        }
    }

    @Test
    void shouldServeAndChangeWhatTheReleasedVersionStored() throws Exception {
        unpack("/upgrade/0.1.0/data.tar.gz");
        try (LocalKafkaBroker broker = broker(); ServiceInstance upgraded = service(broker)) {
            final HttpJson http = upgraded.http();
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() -> {
                for (final String entity : ENTITIES) {
                    assertThat(http.get("/" + entity).json()).as(entity).isEqualTo(expected(entity));
                }
            });

            // the owner index did not exist in the released version: its reservations are indexed at the first start
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() -> assertThat(everyone(http))
                    .as("GET /reservations for an admin").contains("r-old-1", "r-old-3"));

            final HttpJson.Response selected = http.post("/reservations/r-old-3/select-resource", "{\"resource_type\":\"seat\"}");
            assertThat(selected.status()).as(selected.body()).isEqualTo(200);
            assertThat(selected.json().get("selected_resource").get("id").asString())
                    .as("the seat r-old-2 released, first in declared order").isEqualTo("s1");
            assertThat(http.get("/windows/w-old").json().get("resources").get(1).get("held_by").asString()).isEqualTo("r-old-3");

            final HttpJson.Response retried = http.post("/reservations", "{\"id\":\"r-old-4\",\"window_id\":\"w-old\"}",
                    "Idempotency-Key", "k-old");
            assertThat(retried.status()).as("the released version's de-duplication entry answers: " + retried.body()).isEqualTo(201);
            assertThat(retried.json()).isEqualTo(expected("reservations/r-old-4"));

            // a window the released version stored has an empty line: the first to wait is first in it, and gets the
            // seat its holder frees
            assertThat(http.post("/reservations", "{\"id\":\"r-waits\",\"window_id\":\"w-tiny\"}").status()).isEqualTo(201);
            final HttpJson.Response waiting = http.post("/reservations/r-waits/select-resource",
                    "{\"resource_type\":\"seat\",\"waitlist\":true}");
            assertThat(waiting.text("status")).as(waiting.body()).isEqualTo("WAITLISTED");
            assertThat(waiting.json().get("waitlist_position").asInt()).isEqualTo(1);
            assertThat(http.post("/reservations/r-tiny/cancel", null).text("status")).isEqualTo("CANCELLED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(http.get("/reservations/r-waits").text("status")).isEqualTo("CONFIRMED"));
            assertThat(http.get("/windows/w-tiny").json().get("resources").get(0).get("held_by").asString())
                    .isEqualTo("r-waits");
        }

        try (LocalKafkaBroker broker = broker(); ServiceInstance restarted = service(broker)) {
            final HttpJson http = restarted.http();
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() -> {
                assertThat(http.get("/reservations/r-old-1").json()).isEqualTo(expected("reservations/r-old-1"));
                assertThat(http.get("/reservations/r-old-3").text("status")).isEqualTo("CONFIRMED");
                assertThat(http.get("/windows/w-old").json().get("resources")).hasSize(50);
            });
            final HttpJson.Response next = http.post("/reservations/r-old-4/select-resource", "{\"resource_type\":\"seat\"}");
            assertThat(next.json().get("selected_resource").get("id").asString()).isEqualTo("s2");
        }
    }

    /** The data directory's broker, as the service starts it, with its retention held back. */
    private LocalKafkaBroker broker() {
        return LocalKafkaBroker.start(data.resolve("kafka"), port, RETENTION_HELD_BACK);
    }

    private ServiceInstance service(final LocalKafkaBroker broker) {
        return ServiceInstance.start(broker.bootstrapServers(), data, "reservation-processor", Map.of());
    }

    private void unpack(final String resourcePath) throws Exception {
        final Path archive = root.resolve("data.tar.gz");
        try (InputStream in = UpgradeFromReleasedDataIT.class.getResourceAsStream(resourcePath)) {
            assertThat(in).as(resourcePath).isNotNull();
            Files.copy(in, archive);
        }
        final Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", root.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
    }

    /** Every reservation id an admin's walk of {@code GET /reservations} returns. */
    private static List<String> everyone(final HttpJson http) {
        final List<String> ids = new ArrayList<>();
        String page = "/reservations?limit=500";
        while (page != null) {
            final JsonNode body = http.get(page).json();
            body.get("items").forEach(item -> ids.add(item.get("id").asString()));
            page = body.has("next_page_token") ? "/reservations?limit=500&page_token=" + body.get("next_page_token").asString() : null;
        }
        return ids;
    }

    private static JsonNode expected(final String entity) {
        try (InputStream in = resource(entity.replace('/', '_') + ".json")) {
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(final String name) {
        final InputStream in = UpgradeFromReleasedDataIT.class.getResourceAsStream("/upgrade/0.1.0/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
