package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.Ids;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every row of the REST contract over HTTP, against a real broker: statuses, bodies, codes, content types. */
@ExtendWith(SharedKafkaBroker.class)
class RestContractIT {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final int PARTITIONS = 12;

    private static KafkaTestBroker broker;
    private static ServiceInstance service;
    private static HttpJson http;

    @BeforeAll
    static void start(@TempDir final Path data, final KafkaTestBroker shared) {
        broker = shared;
        // a longer transaction keeps a cross-partition selection in flight long enough to race it
        service = ServiceInstance.start(broker.bootstrapServers(), data, "rest-contract",
                Map.of("reservations.processor.commit-interval", "300ms"));
        http = service.http();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldCreateAndReadAWindow() {
        final Response created = http.post("/windows",
                "{\"id\":\"win-create\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"},{\"id\":\"b\",\"type\":\"desk\"}]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith(JSON);
        assertThat(created.location()).isEqualTo("/windows/win-create");
        assertThat(created.json().toString()).isEqualTo("{\"id\":\"win-create\",\"resources\":["
                + "{\"id\":\"a\",\"type\":\"seat\",\"available\":true,\"held_by\":null},"
                + "{\"id\":\"b\",\"type\":\"desk\",\"available\":true,\"held_by\":null}]}");
        final Response read = http.get("/windows/win-create");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith(JSON);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void shouldGenerateAWindowIdWhenNoneIsGiven() {
        final Response created = http.post("/windows", "{\"resources\":[]}");

        assertThat(created.status()).isEqualTo(201);
        final String id = created.text("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.location()).isEqualTo("/windows/" + id);
    }

    @Test
    void shouldRejectAnExistingWindow() {
        createWindow("win-twice", "seat");

        assertProblem(http.post("/windows", "{\"id\":\"win-twice\",\"resources\":[]}"), 409, "window-exists");
    }

    @Test
    void shouldAnswer404ForAMissingWindowAndReservation() {
        assertProblem(http.get("/windows/no-such-window"), 404, "window-not-found");
        assertProblem(http.get("/reservations/no-such-reservation"), 404, "reservation-not-found");
    }

    @Test
    void shouldCreateAPendingReservationAndReadIt() {
        final Response created = http.post("/reservations", "{\"id\":\"res-create\",\"window_id\":\"any-window\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith(JSON);
        assertThat(created.location()).isEqualTo("/reservations/res-create");
        assertThat(created.json().toString()).isEqualTo(
                "{\"id\":\"res-create\",\"window_id\":\"any-window\",\"status\":\"PENDING\",\"selected_resource\":null,\"owner\":\"admin\"}");
        assertThat(http.get("/reservations/res-create").json()).isEqualTo(created.json());
        assertProblem(http.post("/reservations", "{\"id\":\"res-create\",\"window_id\":\"w\"}"), 409, "reservation-exists");
    }

    @Test
    void shouldConfirmASelectionAcrossPartitions() {
        final String window = Ids.onPartition("win-select", 1, PARTITIONS);
        final String reservation = Ids.onPartition("res-select", 8, PARTITIONS);
        createWindow(window, "desk", "seat");
        createReservation(reservation, window);

        final Response selected = http.post("/reservations/" + reservation + "/select-resource", "{\"resource_type\":\"seat\"}");

        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.contentType()).startsWith(JSON);
        assertThat(selected.json().toString()).isEqualTo("{\"id\":\"" + reservation + "\",\"window_id\":\"" + window
                + "\",\"status\":\"CONFIRMED\",\"selected_resource\":{\"id\":\"r1\",\"type\":\"seat\"},\"owner\":\"admin\"}");
        assertThat(http.get("/windows/" + window).json().get("resources").get(1).get("held_by").asString())
                .isEqualTo(reservation);
    }

    @Test
    void shouldAnswerEachSelectionRejectionWithItsCode() {
        final String window = Ids.onPartition("win-reject", 3, PARTITIONS);
        createWindow(window, "seat");
        createReservation("res-no-window", "window-that-does-not-exist");
        createReservation("res-first", window);
        createReservation("res-second", window);
        createReservation("res-cancelled", window);

        assertProblem(select("res-missing", "seat"), 404, "reservation-not-found");
        assertProblem(select("res-no-window", "seat"), 409, "window-not-found");
        assertThat(select("res-first", "seat").status()).isEqualTo(200);
        assertProblem(select("res-second", "seat"), 409, "no-resource-available");
        assertProblem(select("res-first", "desk"), 409, "already-confirmed");
        assertThat(select("res-first", "seat").status()).as("same type again: idempotent success").isEqualTo(200);
        assertThat(http.post("/reservations/res-cancelled/cancel", null).status()).isEqualTo(200);
        assertProblem(select("res-cancelled", "seat"), 409, "reservation-cancelled");
    }

    @Test
    void shouldRejectASelectionWhileAnotherIsInFlight() {
        final String window = Ids.onPartition("win-race", 4, PARTITIONS);
        final String reservation = Ids.onPartition("res-race", 9, PARTITIONS);
        createWindow(window, "seat", "seat");
        createReservation(reservation, window);

        final Response first = http.post("/reservations/" + reservation + "/select-resource",
                "{\"resource_type\":\"seat\"}", "Prefer", "respond-async");
        final Response second = select(reservation, "seat");

        assertThat(first.status()).isEqualTo(202);
        assertProblem(second, 409, "selection-in-progress");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.get(first.location()).text("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void shouldCancelAndFreeTheResource() {
        final String window = Ids.onPartition("win-cancel", 5, PARTITIONS);
        createWindow(window, "seat");
        createReservation("res-to-cancel", window);
        assertThat(select("res-to-cancel", "seat").status()).isEqualTo(200);

        final Response cancelled = http.post("/reservations/res-to-cancel/cancel", null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.contentType()).startsWith(JSON);
        assertThat(cancelled.json().toString()).isEqualTo("{\"id\":\"res-to-cancel\",\"window_id\":\"" + window
                + "\",\"status\":\"CANCELLED\",\"selected_resource\":null,\"owner\":\"admin\"}");
        assertThat(http.get("/windows/" + window).json().get("resources").get(0).get("available").asBoolean()).isTrue();
        assertProblem(http.post("/reservations/res-to-cancel/cancel", null), 409, "reservation-cancelled");
        assertProblem(http.post("/reservations/res-never-created/cancel", null), 404, "reservation-not-found");
    }

    @Test
    void shouldAnswer202AndLetTheClientPollTheCommand() {
        final Response accepted = http.post("/reservations", "{\"id\":\"res-async\",\"window_id\":\"w\"}",
                "Prefer", "respond-async");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.contentType()).startsWith(JSON);
        final String commandId = accepted.text("command_id");
        assertThat(accepted.location()).isEqualTo("/commands/" + commandId);
        assertThat(accepted.text("status")).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            final Response command = http.get("/commands/" + commandId);
            assertThat(command.status()).isEqualTo(200);
            assertThat(command.text("status")).isEqualTo("SUCCEEDED");
            assertThat(command.json().get("entity").get("status").asString()).isEqualTo("PENDING");
        });
        assertThat(http.post("/reservations?wait_ms=0", "{\"id\":\"res-wait-0\",\"window_id\":\"w\"}").status()).isEqualTo(202);
        assertProblem(http.post("/reservations?wait_ms=-1", "{\"window_id\":\"w\"}"), 400, "invalid");
        assertProblem(http.get("/commands/never-sent"), 404, "command-not-found");
    }

    @Test
    void shouldGiveTheSameOutcomeForARepeatedIdempotencyKeyWithoutASecondEffect() {
        final String window = Ids.onPartition("win-idem", 6, PARTITIONS);
        createWindow(window, "seat", "seat");
        final Response first = http.post("/reservations", "{\"window_id\":\"" + window + "\"}", "Idempotency-Key", "idem-create");
        final Response again = http.post("/reservations", "{\"window_id\":\"" + window + "\"}", "Idempotency-Key", "idem-create");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        final String reservation = first.text("id");

        final Response selected = http.post("/reservations/" + reservation + "/select-resource",
                "{\"resource_type\":\"seat\"}", "Idempotency-Key", "idem-select");
        final Response selectedAgain = http.post("/reservations/" + reservation + "/select-resource",
                "{\"resource_type\":\"seat\"}", "Idempotency-Key", "idem-select");

        assertThat(selected.status()).isEqualTo(200);
        assertThat(selectedAgain.json()).isEqualTo(selected.json());
        assertThat(http.get("/windows/" + window).json().get("resources").findValues("held_by").stream()
                .filter(node -> !node.isNull()).toList()).as("one resource held, not two").hasSize(1);

        assertProblem(http.post("/reservations/" + reservation + "/select-resource", "{\"resource_type\":\"desk\"}",
                "Idempotency-Key", "idem-select"), 422, "idempotency-key-reused");
        assertProblem(http.post("/reservations/" + reservation + "/cancel", null,
                "Idempotency-Key", "idem-select"), 422, "idempotency-key-reused");
        assertThat(http.get("/reservations/" + reservation).text("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void shouldRejectBadInputWithProblemsAndPublishNothing() {
        final long before = commandsInKafka();

        assertProblem(http.post("/windows", "{not json"), 400, "invalid");
        assertProblem(http.post("/windows", "{\"id\":\"ok\"}"), 400, "invalid");
        assertProblem(http.post("/windows", "{\"id\":\"has space\",\"resources\":[]}"), 400, "invalid");
        assertProblem(http.post("/windows", "{\"resources\":[{\"id\":\"a\"}]}"), 400, "invalid");
        assertProblem(http.post("/windows", "{\"resources\":[{\"id\":\"a\",\"type\":\"seat\"},{\"id\":\"a\",\"type\":\"seat\"}]}"),
                400, "invalid");
        assertProblem(http.post("/reservations", "{\"id\":\"r\",\"window_id\":\"\"}"), 400, "invalid");
        assertProblem(http.post("/reservations", "{\"id\":\"" + "x".repeat(129) + "\",\"window_id\":\"w\"}"), 400, "invalid");
        assertProblem(http.post("/reservations/r/select-resource", "{}"), 400, "invalid");
        assertProblem(http.post("/reservations/r/select-resource", "{\"resource_type\":\"  \"}"), 400, "invalid");
        assertProblem(http.post("/reservations/bad%20id/cancel", null), 400, "invalid");
        assertProblem(http.post("/reservations", "{\"window_id\":\"w\"}", "Idempotency-Key", "not a valid key"), 400, "invalid");
        assertProblem(http.postRaw("/windows", "text/plain", "{\"resources\":[]}".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported-media-type");
        // 64 KiB everywhere but POST /windows, which takes up to 1 MiB (DESIGN.md)
        final byte[] big = ("{\"window_id\":\"" + "w".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(http.postRaw("/reservations", JSON, big), 413, "payload-too-large");
        final byte[] huge = ("{\"resources\":[" + "{\"id\":\"a\",\"type\":\"t\"},".repeat(50_000) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(http.postRaw("/windows", JSON, huge), 413, "payload-too-large");

        assertThat(commandsInKafka()).as("records on the command topics").isEqualTo(before);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void createWindow(final String id, final String... types) {
        final StringBuilder resources = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            resources.append(i == 0 ? "" : ",").append("{\"id\":\"r").append(i).append("\",\"type\":\"").append(types[i]).append("\"}");
        }
        assertThat(http.post("/windows", "{\"id\":\"" + id + "\",\"resources\":[" + resources + "]}").status()).isEqualTo(201);
    }

    private static void createReservation(final String id, final String windowId) {
        assertThat(http.post("/reservations", "{\"id\":\"" + id + "\",\"window_id\":\"" + windowId + "\"}").status())
                .isEqualTo(201);
    }

    private static Response select(final String reservation, final String type) {
        return http.post("/reservations/" + reservation + "/select-resource", "{\"resource_type\":\"" + type + "\"}");
    }

    private static void assertProblem(final Response response, final int status, final String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    private static long commandsInKafka() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = List.of(Topics.RESERVATION_COMMANDS.name(), Topics.WINDOW_COMMANDS.name())
                    .stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
