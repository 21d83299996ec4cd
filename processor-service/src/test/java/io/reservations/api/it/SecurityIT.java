package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.security.LocalSigningKey;
import io.reservations.api.security.Scopes;
import io.reservations.api.security.TokenIssuer;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.LogCapture;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens, scopes, owners and caller-scoped idempotency keys, over HTTP against a real broker. */
@ExtendWith(SharedKafkaBroker.class)
class SecurityIT {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration HOUR = Duration.ofHours(1);

    private static KafkaTestBroker broker;
    private static ServiceInstance service;
    private static LogCapture logs;
    private static final List<String> tokensUsed = new ArrayList<>();

    @BeforeAll
    static void start(@TempDir final Path data, final KafkaTestBroker shared) {
        broker = shared;
        logs = new LogCapture();
        service = ServiceInstance.start(broker.bootstrapServers(), data, "security",
                Map.of("reservations.api.max-body", "1MB"));
        final Response created = admin().post("/windows", "{\"id\":\"shared-window\",\"resources\":["
                + "{\"id\":\"a\",\"type\":\"seat\"},{\"id\":\"b\",\"type\":\"seat\"},{\"id\":\"c\",\"type\":\"seat\"}]}");
        assertThat(created.status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        service.close();
        logs.close();
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        assertProblem(service.http(null).get("/windows/shared-window"), 401, "unauthenticated");
        assertProblem(service.http("not-a-jwt").get("/windows/shared-window"), 401, "unauthenticated");
        final Instant now = Instant.now();
        final String expired = service.tokens().issue("alice", Scopes.ALL, List.of(), now.minus(HOUR.multipliedBy(2)), now.minus(HOUR));
        assertProblem(client(expired).get("/windows/shared-window"), 401, "unauthenticated");
        final TokenIssuer stranger = new TokenIssuer(LocalSigningKey.loadOrCreate(Path.of("target", "other-key")));
        assertProblem(client(stranger.issue("alice", Scopes.ALL, List.of(Scopes.ADMIN_ROLE), HOUR)).get("/windows/shared-window"),
                401, "unauthenticated");
        final Response noToken = service.http(null).post("/reservations", "{\"window_id\":\"shared-window\"}");
        assertThat(noToken.status()).isEqualTo(401);
    }

    @Test
    void shouldKeepHealthPublicAndEveryOtherManagementEndpointForAdmins() {
        assertThat(service.http(null).get("/actuator/health").status()).isEqualTo(200);
        assertThat(service.http(null).get("/actuator/health/readiness").status()).isIn(200, 503);
        assertProblem(user("alice").get("/actuator/prometheus"), 403, "forbidden");
        assertProblem(service.http(null).get("/actuator/prometheus"), 401, "unauthenticated");
        assertThat(admin().get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void shouldRequireTheScopeOfEachRequest() {
        final HttpJson readOnly = client(service.token("reader", Scopes.READ, List.of(), HOUR));
        final HttpJson writeOnly = client(service.token("writer", Scopes.RESERVATIONS_WRITE, List.of(), HOUR));

        assertProblem(readOnly.post("/windows", "{\"resources\":[]}"), 403, "forbidden");
        assertProblem(readOnly.post("/reservations", "{\"window_id\":\"shared-window\"}"), 403, "forbidden");
        assertProblem(writeOnly.post("/windows", "{\"resources\":[]}"), 403, "forbidden");
        assertProblem(writeOnly.get("/windows/shared-window"), 403, "forbidden");
        assertThat(readOnly.get("/windows/shared-window").status()).isEqualTo(200);
        assertThat(writeOnly.post("/reservations", "{\"window_id\":\"shared-window\"}").status()).isEqualTo(201);
        assertThat(client(service.token("planner", Scopes.WINDOWS_WRITE, List.of(), HOUR))
                .post("/windows", "{\"resources\":[]}").status()).isEqualTo(201);
    }

    @Test
    void shouldHideAReservationFromAnyoneButItsOwnerAndAdmins() {
        final HttpJson alice = user("alice");
        final HttpJson bob = user("bob");
        final Response created = alice.post("/reservations", "{\"id\":\"alices\",\"window_id\":\"shared-window\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("owner")).isEqualTo("alice");

        assertProblem(bob.get("/reservations/alices"), 404, "reservation-not-found");
        assertProblem(bob.post("/reservations/alices/select-resource", "{\"resource_type\":\"seat\"}"), 404, "reservation-not-found");
        assertProblem(bob.post("/reservations/alices/cancel", null), 404, "reservation-not-found");
        assertThat(alice.get("/reservations/alices").text("status")).as("bob changed nothing").isEqualTo("PENDING");

        final Response selected = alice.post("/reservations/alices/select-resource", "{\"resource_type\":\"seat\"}");
        assertThat(selected.status()).isEqualTo(200);
        assertThat(admin().get("/reservations/alices").json()).isEqualTo(selected.json());
        final Response accepted = alice.post("/reservations/alices/cancel", null, "Prefer", "respond-async");
        assertProblem(bob.get(accepted.location()), 404, "command-not-found");
        assertThat(admin().post("/reservations/alices/cancel", null).code()).as("admins may change it")
                .isIn("reservation-cancelled", null);
    }

    @Test
    void shouldScopeIdempotencyKeysToTheCaller() {
        final HttpJson alice = user("alice");
        final HttpJson bob = user("bob");

        final Response alicesFirst = alice.post("/reservations", "{\"window_id\":\"shared-window\"}", "Idempotency-Key", "same-key");
        final Response bobsFirst = bob.post("/reservations", "{\"window_id\":\"shared-window\"}", "Idempotency-Key", "same-key");
        final Response alicesAgain = alice.post("/reservations", "{\"window_id\":\"shared-window\"}", "Idempotency-Key", "same-key");

        assertThat(alicesFirst.status()).isEqualTo(201);
        assertThat(bobsFirst.status()).isEqualTo(201);
        assertThat(bobsFirst.text("id")).isNotEqualTo(alicesFirst.text("id"));
        assertThat(bobsFirst.text("owner")).isEqualTo("bob");
        assertThat(alicesAgain.json()).isEqualTo(alicesFirst.json());
        assertProblem(bob.post("/reservations", "{\"window_id\":\"other-window\"}", "Idempotency-Key", "same-key"),
                422, "idempotency-key-reused");
    }

    @Test
    void shouldLimitResourcesPerWindow() {
        final String resources = IntStream.range(0, 10_001)
                .mapToObj(i -> "{\"id\":\"r" + i + "\",\"type\":\"t\"}").collect(Collectors.joining(","));
        final Response tooMany = admin().post("/windows", "{\"resources\":[" + resources + "]}");

        assertProblem(tooMany, 400, "invalid");
        assertThat(tooMany.text("detail")).contains("at most 10000 resources");
    }

    @Test
    void shouldNeverLogATokenOrAKey() {
        user("carol").get("/reservations/none");
        client(service.token("mallory", "", List.of(), HOUR)).post("/windows", "{\"resources\":[]}");

        assertThat(tokensUsed).isNotEmpty();
        assertThat(logs.lines()).as("the capture sees the service's log")
                .anyMatch(line -> line.contains("Stream processor security started"));
        for (final String line : logs.lines()) {
            for (final String token : tokensUsed) {
                assertThat(line).doesNotContain(token);
            }
            assertThat(line).doesNotContain("PRIVATE KEY");
        }
    }

    @Test
    void shouldAllowEverythingAndWarnAtStartWhenAuthenticationIsOff(@TempDir final Path data) {
        try (ServiceInstance open = ServiceInstance.start(broker.bootstrapServers(), data, "security-off",
                Map.of("reservations.security.enabled", false))) {
            assertThat(open.http(null).post("/windows", "{\"resources\":[]}").status()).isEqualTo(201);
            assertThat(logs.lines()).anyMatch(line -> line.contains("AUTHENTICATION IS OFF"));
        }
    }

    @Test
    void shouldLimitEachCallersRateAtItsRolesRateWhileServingOthers(@TempDir final Path data) {
        try (ServiceInstance limited = ServiceInstance.start(broker.bootstrapServers(), data, "security-limited",
                Map.of("reservations.api.rate-limit.per-second", 5, "reservations.api.rate-limit.burst", 5))) {
            final HttpJson flooder = limited.http(limited.token("flooder", Scopes.READ, List.of(), HOUR));
            final List<Response> flood = IntStream.range(0, 40).mapToObj(i -> flooder.get("/windows/none")).toList();

            final Response limitedAnswer = flood.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertProblem(limitedAnswer, 429, "rate-limited");
            assertThat(Integer.parseInt(limitedAnswer.retryAfter())).isPositive();
            assertThat(flood.stream().filter(r -> r.status() != 429)).as("the burst was let through").hasSizeGreaterThanOrEqualTo(5);
            assertThat(limited.http(limited.token("patient", Scopes.READ, List.of(), HOUR)).get("/windows/none").status())
                    .as("another caller is served meanwhile").isNotEqualTo(429);
            final HttpJson operator = limited.http(limited.token("operator", Scopes.READ, List.of(Scopes.ADMIN_ROLE), HOUR));
            assertThat(IntStream.range(0, 40).mapToObj(i -> operator.get("/windows/none").status()))
                    .as("the admin role's own rate (10,000/s by default)").doesNotContain(429);
        }
    }

    @Test
    void shouldLimitRefusedAuthenticationsPerAddressBeforeCheckingTokensWhileServingKnownOnes(@TempDir final Path data) {
        try (ServiceInstance limited = ServiceInstance.start(broker.bootstrapServers(), data, "security-refusals",
                Map.of("reservations.api.rate-limit.refused-per-second", 1,
                        "reservations.api.rate-limit.refused-burst", 5))) {
            final HttpJson known = limited.http(limited.token("neighbour", Scopes.READ, List.of(), HOUR));
            await("accepted once, so known, and answered").atMost(Duration.ofMinutes(1))
                    .until(() -> known.get("/windows/none").status() == 404);

            final List<Response> flood = IntStream.range(0, 40)
                    .mapToObj(i -> limited.http("forged-" + i).get("/windows/none")).toList();

            assertThat(flood.subList(0, 5)).as("the burst is refused one by one").allMatch(r -> r.status() == 401);
            final Response limitedAnswer = flood.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertProblem(limitedAnswer, 429, "rate-limited");
            assertThat(Integer.parseInt(limitedAnswer.retryAfter())).isPositive();
            assertThat(flood.stream().filter(r -> r.status() == 429)).as("then limited without a check")
                    .hasSizeGreaterThanOrEqualTo(30);
            assertProblem(limited.http(null).get("/windows/none"), 429, "rate-limited");
            assertThat(known.get("/windows/none").status()).as("a known token from the same address").isEqualTo(404);
            assertThat(limited.http(null).get("/actuator/health").status()).as("health").isEqualTo(200);
        }
    }

    private static HttpJson admin() {
        return client(service.token("root", Scopes.ALL, List.of(Scopes.ADMIN_ROLE), HOUR));
    }

    private static HttpJson user(final String subject) {
        return client(service.token(subject, Scopes.RESERVATIONS_WRITE + " " + Scopes.READ, List.of(), HOUR));
    }

    private static HttpJson client(final String token) {
        tokensUsed.add(token);
        return service.http(token);
    }

    private static void assertProblem(final Response response, final int status, final String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.code()).isEqualTo(code);
    }
}
