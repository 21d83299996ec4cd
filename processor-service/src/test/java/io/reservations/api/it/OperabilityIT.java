package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.Ids;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Health probes, Prometheus metrics and the OpenAPI document of a running instance. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperabilityIT {

    /** Every request of DESIGN.md's REST table with the error codes it lists. */
    private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("post /windows", List.of("400", "invalid", "409", "window-exists", "201")),
            Map.entry("get /windows/{id}", List.of("200", "404", "window-not-found")),
            Map.entry("get /windows/{id}/changes", List.of("200", "404", "window-not-found")),
            Map.entry("post /reservations", List.of("201", "400", "409", "reservation-exists")),
            Map.entry("get /reservations/{id}", List.of("200", "404", "reservation-not-found")),
            Map.entry("post /reservations/{id}/select-resource", List.of("200", "400", "404", "reservation-not-found", "409",
                    "no-resource-available", "window-not-found", "reservation-cancelled", "already-confirmed",
                    "selection-in-progress", "selection-timeout", "hold-expired", "202", "422", "idempotency-key-reused")),
            Map.entry("post /reservations/{id}/cancel", List.of("200", "404", "409", "reservation-cancelled", "hold-expired")),
            Map.entry("post /reservations/{id}/confirm", List.of("200", "404", "reservation-not-found", "409", "hold-expired",
                    "not-held", "reservation-cancelled")),
            Map.entry("get /commands/{commandId}", List.of("200", "404")),
            Map.entry("get /windows/{id}/availability", List.of("200", "404", "window-not-found")),
            Map.entry("get /windows/{id}/resources", List.of("200", "400", "invalid", "404", "window-not-found")),
            Map.entry("get /reservations", List.of("200", "400", "invalid", "403", "forbidden")),
            Map.entry("get /windows", List.of("200", "400", "invalid")));

    private static KafkaTestBroker broker;
    private static ServiceInstance service;
    private static HttpJson http;

    @BeforeAll
    static void start(@TempDir final Path data) {
        broker = KafkaTestBroker.start(); // its own: a test stops it
        service = ServiceInstance.start(broker.bootstrapServers(), data, "operability", Map.of());
        http = service.http();
    }

    @AfterAll
    static void stop() {
        service.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void shouldReportReadyOnceStreamsRunsAndTheBrokerAnswers() {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            final Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().at("/components/kafka/status").asString()).isEqualTo("UP");
            assertThat(readiness.json().at("/components/kafkaStreams/status").asString()).isEqualTo("UP");
        });
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void shouldExposeCrossMasterAndApiMetricsToPrometheus() {
        final String window = Ids.onPartition("metrics-window", 2, 12);
        final String reservation = Ids.onPartition("metrics-reservation", 7, 12);
        http.post("/windows", "{\"id\":\"" + window + "\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}");
        http.post("/reservations", "{\"id\":\"" + reservation + "\",\"window_id\":\"" + window + "\"}");
        assertThat(http.post("/reservations/" + reservation + "/select-resource", "{\"resource_type\":\"seat\"}").status())
                .isEqualTo(200);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.WINDOW_COMMANDS.name(), "x", "poison".getBytes(StandardCharsets.UTF_8)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final Response prometheus = http.get("/actuator/prometheus");
            assertThat(prometheus.status()).isEqualTo(200);
            assertThat(prometheus.body())
                    .contains("reservations_forward_writes_latency_seconds_count{application=\"reservations\",operation=\"ALLOCATE_RESOURCE\"}")
                    .contains("reservations_forward_writes_latency_seconds_count{application=\"reservations\",operation=\"CONFIRM_SELECTION\"}")
                    .containsPattern("reservations_select_resource_outcomes_total\\{[^}]*code=\"succeeded\"[^}]*} 1.0")
                    .containsPattern("reservations_dead_letters_total\\{[^}]*topic=\"window.commands\"[^}]*} 1.0")
                    .contains("reservations_selections_in_flight")
                    .contains("reservations_api_command_wait_seconds_count")
                    .contains("kafka_stream_thread_process_total")
                    .contains("kafka_producer_record_send_total")
                    .contains("kafka_consumer_fetch_manager_records_consumed_total");
            // the command producer's and the results consumer's app-info meters share a name: both registered
            assertThat(prometheus.body().lines().filter(line -> line.startsWith("kafka_app_info_start_time_ms{")))
                    .anyMatch(line -> line.contains("reservations-producer"))
                    .anyMatch(line -> line.contains("command-results"));
        });
    }

    @Test
    @Order(3)
    void shouldDocumentEveryEndpointAndErrorCodeOfTheContract() {
        final Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        final JsonNode paths = docs.json().get("paths");
        CONTRACT.forEach((request, codes) -> {
            final String method = request.substring(0, request.indexOf(' '));
            final String path = request.substring(request.indexOf(' ') + 1);
            final JsonNode operation = paths.path(path).path(method);
            assertThat(operation.isMissingNode()).as("%s is documented", request).isFalse();
            final String responses = operation.get("responses").toString();
            assertThat(responses).as("responses of %s", request).contains(codes);
            if (method.equals("post")) {
                assertThat(operation.path("parameters").valueStream()
                        .map(parameter -> parameter.get("in").asString() + " " + parameter.get("name").asString()))
                        .as("parameters of %s", request)
                        .contains("header Idempotency-Key", "header Prefer", "query wait_ms")
                        .noneMatch(parameter -> parameter.contains("call"));
            }
        });
        assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    @Order(4)
    void shouldReportNotReadyButAliveWhileTheProcessorIsStopped() {
        service.processor().close();

        final Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().at("/components/kafkaStreams/status").asString()).isEqualTo("DOWN");
        assertThat(readiness.json().at("/components/kafkaStreams/details/state").asString()).isEqualTo("NOT_RUNNING");
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void shouldReportNotReadyWhenTheBrokerIsUnreachable() {
        broker.close();
        broker = null;

        // the broker check is made at most once every 2 s (RecentHealth): the next one after that sees it gone
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            final Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().at("/components/kafka/status").asString()).isEqualTo("DOWN");
        });
    }
}
