package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.security.Scopes;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-owner quotas over HTTP against a real broker, with small limits: open reservations, holds and windows, each
 * 409 quota-exceeded past its limit, freed again when the owner settles something; a retry of an accepted command
 * keeps its outcome; a role of its own gets its own limits.
 */
@ExtendWith(SharedKafkaBroker.class)
class QuotasIT {

    private static final Duration HOUR = Duration.ofHours(1);

    private static ServiceInstance service;

    @BeforeAll
    static void start(@TempDir final Path data, final KafkaTestBroker broker) {
        service = ServiceInstance.start(broker.bootstrapServers(), data, "quotas", Map.of(
                "reservations.api.quotas.open-reservations", "3",
                "reservations.api.quotas.active-holds", "1",
                "reservations.api.quotas.windows", "1",
                "reservations.api.quotas.waitlist-places", "1",
                "reservations.api.quotas.roles.partner.open-reservations", "5"));
        assertThat(admin().post("/windows", "{\"id\":\"hall\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"},"
                + "{\"id\":\"b\",\"type\":\"seat\"},{\"id\":\"c\",\"type\":\"seat\"}]}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldRefuseAnOpenReservationPastTheQuotaUntilOneIsSettled() {
        final HttpJson alice = user("alice", List.of());
        for (int i = 1; i <= 3; i++) {
            assertThat(create(alice, "alice-" + i, "key-" + i).status()).isEqualTo(201);
        }

        assertProblem(create(alice, "alice-4", "key-4"), 409, "quota-exceeded");
        assertThat(create(alice, "alice-3", "key-3").status()).as("a retry keeps its outcome").isEqualTo(201);
        assertThat(create(user("bob", List.of()), "bob-1", null).status()).as("another owner").isEqualTo(201);
        assertThat(create(admin(), "root-1", null).status()).as("admins have no quota").isEqualTo(201);

        assertThat(alice.post("/reservations/alice-1/cancel", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> create(alice, "alice-4", "key-4b").status() == 201);
    }

    @Test
    void shouldGiveARoleItsOwnLimits() {
        final HttpJson partner = user("partner-1", List.of("partner"));
        for (int i = 1; i <= 5; i++) {
            assertThat(create(partner, "partner-" + i, null).status()).isEqualTo(201);
        }
        assertProblem(create(partner, "partner-6", null), 409, "quota-exceeded");
    }

    @Test
    void shouldRefuseASecondHoldAndASecondWindow() {
        final HttpJson carol = user("carol", List.of());
        assertThat(create(carol, "carol-1", null).status()).isEqualTo(201);
        assertThat(create(carol, "carol-2", null).status()).isEqualTo(201);

        assertThat(hold(carol, "carol-1").text("status")).isEqualTo("HELD");
        assertProblem(hold(carol, "carol-2"), 409, "quota-exceeded");
        assertThat(carol.post("/reservations/carol-2/select-resource", "{\"resource_type\":\"seat\"}").text("status"))
                .as("a selection without a hold is no hold").isEqualTo("CONFIRMED");

        final HttpJson planner = service.http(service.token("carol", Scopes.ALL, List.of(), HOUR));
        assertThat(planner.post("/windows", "{\"id\":\"carols\",\"resources\":[{\"id\":\"x\",\"type\":\"desk\"}]}")
                .status()).isEqualTo(201);
        assertProblem(planner.post("/windows", "{\"id\":\"carols-2\",\"resources\":[{\"id\":\"x\",\"type\":\"desk\"}]}"),
                409, "quota-exceeded");
    }

    @Test
    void shouldRefuseASecondPlaceInLineUntilTheFirstIsLeft() {
        assertThat(admin().post("/windows", "{\"id\":\"tiny\",\"resources\":[{\"id\":\"t\",\"type\":\"seat\"}]}")
                .status()).isEqualTo(201);
        assertThat(admin().post("/reservations", "{\"id\":\"root-tiny\",\"window_id\":\"tiny\"}").status()).isEqualTo(201);
        assertThat(admin().post("/reservations/root-tiny/select-resource", "{\"resource_type\":\"seat\"}").text("status"))
                .isEqualTo("CONFIRMED");
        final HttpJson dave = user("dave", List.of());
        for (final String id : List.of("dave-1", "dave-2")) {
            assertThat(dave.post("/reservations", "{\"id\":\"" + id + "\",\"window_id\":\"tiny\"}").status()).isEqualTo(201);
        }

        assertThat(waitInLine(dave, "dave-1").text("status")).isEqualTo("WAITLISTED");
        assertProblem(waitInLine(dave, "dave-2"), 409, "quota-exceeded");

        assertThat(dave.post("/reservations/dave-1/cancel", null).text("status")).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> "WAITLISTED".equals(waitInLine(dave, "dave-2").text("status")));
    }

    private static Response waitInLine(final HttpJson client, final String id) {
        return client.post("/reservations/" + id + "/select-resource", "{\"resource_type\":\"seat\",\"waitlist\":true}");
    }

    private static Response create(final HttpJson client, final String id, final String idempotencyKey) {
        final String body = "{\"id\":\"" + id + "\",\"window_id\":\"hall\"}";
        return idempotencyKey == null ? client.post("/reservations", body)
                : client.post("/reservations", body, "Idempotency-Key", idempotencyKey);
    }

    private static Response hold(final HttpJson client, final String id) {
        return client.post("/reservations/" + id + "/select-resource", "{\"resource_type\":\"seat\",\"hold_for\":\"PT10M\"}");
    }

    private static void assertProblem(final Response response, final int status, final String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static HttpJson admin() {
        return service.http(service.token("root", Scopes.ALL, List.of(Scopes.ADMIN_ROLE), HOUR));
    }

    private static HttpJson user(final String subject, final List<String> roles) {
        return service.http(service.token(subject, Scopes.RESERVATIONS_WRITE + " " + Scopes.READ, roles, HOUR));
    }
}
