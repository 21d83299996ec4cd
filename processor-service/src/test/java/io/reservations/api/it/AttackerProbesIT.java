package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.security.Scopes;
import io.reservations.api.security.TokenIssuer;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import tools.jackson.databind.JsonNode;

/**
 * The probes an attacker holding the service's own signing key (as a test can) tried, over HTTP against a real
 * broker: tokens missing what identifies a caller, foreign audiences and issuers, methods no rule names, and
 * what health and command results show to whom.
 */
@ExtendWith(SharedKafkaBroker.class)
class AttackerProbesIT {

    private static final Duration HOUR = Duration.ofHours(1);

    private static ServiceInstance service;

    @BeforeAll
    static void start(@TempDir final Path data, final KafkaTestBroker broker) {
        service = ServiceInstance.start(broker.bootstrapServers(), data, "probes", Map.of());
        assertThat(admin().post("/windows", "{\"id\":\"probe-window\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}")
                .status()).isEqualTo(201);
        assertThat(user("alice").post("/reservations", "{\"id\":\"alices\",\"window_id\":\"probe-window\"}").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldRefuseATokenWithoutASubject() {
        final HttpJson nobody = client(claims -> claims.claims(all -> all.remove("sub")));
        final HttpJson blank = client(claims -> claims.subject(" "));

        assertProblem(nobody.get("/reservations/alices"), 401, "unauthenticated");
        assertProblem(nobody.post("/reservations/alices/cancel", null), 401, "unauthenticated");
        assertProblem(blank.get("/reservations/alices"), 401, "unauthenticated");
        assertThat(user("alice").get("/reservations/alices").text("status")).as("nothing changed").isEqualTo("PENDING");
    }

    @Test
    void shouldRefuseATokenWithoutAnExpiry() {
        assertProblem(client(claims -> claims.claims(all -> all.remove("exp"))).get("/windows/probe-window"), 401, "unauthenticated");
    }

    @Test
    void shouldRefuseATokenForAnotherAudienceOrFromAnotherIssuer() {
        final HttpJson foreignAudience = client(claims -> claims.audience(List.of("billing")).claim("roles", List.of(Scopes.ADMIN_ROLE)));
        final HttpJson noAudience = client(claims -> claims.claims(all -> all.remove("aud")));
        final HttpJson foreignIssuer = client(claims -> claims.issuer("https://idp.example"));

        assertProblem(foreignAudience.get("/actuator/metrics"), 401, "unauthenticated");
        assertProblem(noAudience.get("/windows/probe-window"), 401, "unauthenticated");
        assertProblem(foreignIssuer.get("/windows/probe-window"), 401, "unauthenticated");
        assertThat(client(UnaryOperator.identity()).get("/windows/probe-window").status())
                .as("the same token, untouched, is accepted").isEqualTo(200);
    }

    @Test
    void shouldDenyMethodsNoRuleNames() {
        final HttpJson planner = service.http(service.token("planner", Scopes.WINDOWS_WRITE, List.of(), HOUR));

        assertThat(planner.send("HEAD", "/windows/probe-window").status()).isEqualTo(403);
        assertThat(admin().send("OPTIONS", "/windows/probe-window").status()).isEqualTo(403);
        assertProblem(admin().send("PROPFIND", "/windows/probe-window"), 400, "invalid");
        assertProblem(admin().send("DELETE", "/reservations/alices"), 403, "forbidden");
        assertProblem(service.http(null).send("PUT", "/windows/probe-window"), 401, "unauthenticated");
        assertThat(user("alice").send("HEAD", "/reservations/alices").status()).as("HEAD with the read scope").isEqualTo(403);
    }

    @Test
    void shouldShowHealthDetailsToAdminsOnly() {
        final Response anonymous = service.http(null).get("/actuator/health");
        final Response asUser = user("alice").get("/actuator/health");
        final Response asAdmin = admin().get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().propertyNames()).as(anonymous.body()).doesNotContain("components", "details");
        assertThat(asUser.json().propertyNames()).as(asUser.body()).doesNotContain("components", "details");
        assertThat(asAdmin.json().has("components")).as(asAdmin.body()).isTrue();
    }

    @Test
    void shouldShowACommandsResultToItsSenderAndAdminsOnly() {
        final Response created = service.http(service.token("planner", Scopes.WINDOWS_WRITE + " " + Scopes.READ, List.of(), HOUR))
                .post("/windows", "{\"id\":\"planners-window\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}",
                        "Prefer", "respond-async");
        assertThat(created.status()).isEqualTo(202);
        final HttpJson planner = service.http(service.token("planner", Scopes.READ, List.of(), HOUR));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "SUCCEEDED".equals(planner.get(created.location()).text("status")));
        assertProblem(user("bob").get(created.location()), 404, "command-not-found");
        assertThat(admin().get(created.location()).text("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void shouldShowWhoHoldsAResourceToTheHoldersOwnerAndAdminsOnly() {
        assertThat(admin().post("/windows", "{\"id\":\"held-window\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"},"
                + "{\"id\":\"b\",\"type\":\"seat\"}]}").status()).isEqualTo(201);
        final HttpJson alice = user("alice");
        assertThat(alice.post("/reservations", "{\"id\":\"alices-seat\",\"window_id\":\"held-window\"}").status()).isEqualTo(201);
        assertThat(alice.post("/reservations/alices-seat/select-resource", "{\"resource_type\":\"seat\"}").status()).isEqualTo(200);

        final JsonNode seenByBob = user("bob").get("/windows/held-window").json().get("resources").get(0);
        assertThat(seenByBob.get("available").asBoolean()).isFalse();
        assertThat(seenByBob.get("held_by").isNull()).as("no holder id for a non-owner").isTrue();
        assertThat(alice.get("/windows/held-window").json().get("resources").get(0).get("held_by").asString())
                .isEqualTo("alices-seat");
        assertThat(admin().get("/windows/held-window").json().get("resources").get(0).get("held_by").asString())
                .isEqualTo("alices-seat");
    }

    /** A read-and-write token of the local key with {@code change} applied to its claims. */
    private static HttpJson client(final UnaryOperator<JwtClaimsSet.Builder> change) {
        final Instant now = Instant.now();
        final JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenIssuer.LOCAL_ISSUER)
                .audience(List.of(TokenIssuer.LOCAL_AUDIENCE))
                .subject("mallory")
                .issuedAt(now)
                .expiresAt(now.plus(HOUR))
                .claim("scope", Scopes.ALL);
        return service.http(service.tokens().sign(change.apply(claims).build()));
    }

    private static HttpJson admin() {
        return service.http(service.token("root", Scopes.ALL, List.of(Scopes.ADMIN_ROLE), HOUR));
    }

    private static HttpJson user(final String subject) {
        return service.http(service.token(subject, Scopes.RESERVATIONS_WRITE + " " + Scopes.READ, List.of(), HOUR));
    }

    private static void assertProblem(final Response response, final int status, final String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
