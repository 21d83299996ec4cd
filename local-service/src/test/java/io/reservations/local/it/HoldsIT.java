package io.reservations.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.local.LocalService;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.ReservationEvent;
import io.reservations.topics.TopicReader;
import io.reservations.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds over HTTP on the local service (its own broker): confirm, expiry, bad input, and expiry across a restart. */
class HoldsIT {

    @TempDir
    Path data;

    @Test
    void shouldHoldConfirmAndExpireOverHttpAndRefuseABadHold() {
        try (ServiceInstance service = ServiceInstance.start(LocalService.sources(), "", data, "reservation-processor",
                Map.of("reservations.kafka.local-port", ServiceInstance.freePortPair(), "reservations.auditor.grace", "5s"))) {
            final HttpJson http = service.http();
            assertThat(http.post("/windows", "{\"id\":\"w\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"},"
                    + "{\"id\":\"b\",\"type\":\"seat\"}]}").status()).isEqualTo(201);
            for (final String id : List.of("kept", "let-go", "bad")) {
                assertThat(http.post("/reservations", "{\"id\":\"" + id + "\",\"window_id\":\"w\"}").status()).isEqualTo(201);
            }

            final Response held = http.post("/reservations/kept/select-resource",
                    "{\"resource_type\":\"seat\",\"hold_for\":\"PT10M\"}");
            assertThat(held.status()).isEqualTo(200);
            assertThat(held.text("status")).isEqualTo("HELD");
            assertThat(Instant.parse(held.text("hold_expires_at"))).isAfter(Instant.now().plus(Duration.ofMinutes(9)));
            final Response confirmed = http.post("/reservations/kept/confirm", "{}");
            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
            assertThat(confirmed.json().has("hold_expires_at")).as("only while HELD").isFalse();
            assertThat(http.post("/reservations/kept/confirm", "{}").text("status")).as("a repeated confirm").isEqualTo("CONFIRMED");

            assertThat(http.post("/reservations/let-go/select-resource", "{\"resource_type\":\"seat\",\"hold_for\":\"PT1S\"}")
                    .text("status")).isEqualTo("HELD");
            await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(http.get("/reservations/let-go").text("status")));
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/windows/w").json().get("resources").get(1)
                    .get("available").asBoolean());
            assertThat(http.post("/reservations/let-go/confirm", "{}").code()).isEqualTo("hold-expired");
            assertThat(http.post("/reservations/bad/confirm", "{}").code()).isEqualTo("not-held");

            for (final String hold : List.of("\"PT10\"", "\"-PT1M\"", "\"PT0S\"", "\"PT24H1S\"", "\"ten minutes\"", "\"P2D\"", "600")) {
                final Response refused = http.post("/reservations/bad/select-resource",
                        "{\"resource_type\":\"seat\",\"hold_for\":" + hold + "}");
                assertThat(refused.status()).as("hold_for %s", hold).isEqualTo(400);
                assertThat(refused.code()).as("hold_for %s", hold).isEqualTo("invalid");
            }
            assertThat(http.get("/reservations/bad").text("status")).as("nothing was published").isEqualTo("PENDING");

            // the local service's auditor read every event and found no promise broken for longer than its grace
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                final String metrics = http.get("/actuator/prometheus").body();
                assertThat(metrics).containsPattern("reservations_audit_lag_records\\{[^}]*} 0.0")
                        .containsPattern("reservations_audit_events_total\\{[^}]*} [1-9]");
                assertThat(metrics.lines().filter(line -> line.startsWith("reservations_audit_violations_total{")))
                        .hasSize(6).allSatisfy(line -> assertThat(line).endsWith(" 0.0"));
            });
            // and the console reads this in-process auditor
            final Response findings = service.http(null).get("/console/findings", "Cookie",
                    "reservations_console=" + service.tokens().admin(Duration.ofMinutes(5)));
            assertThat(findings.text("source")).isEqualTo("in this process");
            assertThat(findings.json().get("running").asBoolean()).isTrue();
            assertThat(findings.json().get("findings").isEmpty()).isTrue();
        }
    }

    @Test
    void shouldExpireHoldsThatFellDueWhileTheProcessorWasStoppedOnceEach() {
        final Map<String, Object> local = Map.of("reservations.kafka.local-port", ServiceInstance.freePortPair());
        final List<String> ids = List.of("h1", "h2", "h3");
        try (ServiceInstance first = ServiceInstance.start(LocalService.sources(), "", data, "reservation-processor", local)) {
            final HttpJson http = first.http();
            assertThat(http.post("/windows", "{\"id\":\"w\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"},"
                    + "{\"id\":\"b\",\"type\":\"seat\"},{\"id\":\"c\",\"type\":\"seat\"}]}").status()).isEqualTo(201);
            for (final String id : ids) {
                assertThat(http.post("/reservations", "{\"id\":\"" + id + "\",\"window_id\":\"w\"}").status()).isEqualTo(201);
                // a hold that outlives this instance: a restart of the local service takes longer than this
                assertThat(http.post("/reservations/" + id + "/select-resource", "{\"resource_type\":\"seat\",\"hold_for\":\"PT2S\"}")
                        .text("status")).isEqualTo("HELD");
            }
        }

        try (ServiceInstance second = ServiceInstance.start(LocalService.sources(), "", data, "reservation-processor", local)) {
            final HttpJson http = second.http();
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> ids.stream()
                    .allMatch(id -> "EXPIRED".equals(http.get("/reservations/" + id).text("status"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                final var resources = http.get("/windows/w").json().get("resources");
                return resources.get(0).get("available").asBoolean() && resources.get(1).get("available").asBoolean()
                        && resources.get(2).get("available").asBoolean();
            });
            final List<ReservationEvent> events = TopicReader.readAll(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                            "localhost:" + local.get("reservations.kafka.local-port")), Topics.RESERVATION_EVENTS.name(),
                    Topics.RESERVATION_EVENTS.valueSerde().deserializer()).stream().map(record -> record.value()).toList();
            assertThat(events.stream().filter(HoldExpired.class::isInstance).map(ReservationEvent::reservationId))
                    .as("each hold expired once").containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
