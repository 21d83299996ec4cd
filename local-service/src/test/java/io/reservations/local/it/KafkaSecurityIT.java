package io.reservations.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.reservations.api.security.TokenIssuer;
import io.reservations.api.security.TokenTool;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.LogCapture;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.ApplicationAcls;
import io.reservations.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker set up as in production (see {@link SecuredBroker}) with one SCRAM user per application and the ACLs of
 * {@link ApplicationAcls}: a processor-only and an API-only instance run a select-resource saga through it; the API
 * user is refused what belongs to the processor; anonymous and wrong-password clients get nothing; no password
 * appears in the log. Both instances get the token signing key's public key only.
 */
class KafkaSecurityIT {

    private static final String APPLICATION_ID = "secure";
    private static final String PROCESSOR_PASSWORD = "pr0cess0r-Pa55word-not-in-logs";
    private static final String API_PASSWORD = "ap1-Pa55word-not-in-logs";
    private static final String TLS_PASSWORD = "tls-Pa55word-not-in-logs";
    private static final String BROKER_PASSWORD = "br0ker-Pa55word-not-in-logs";
    private static final String ADMIN_PASSWORD = "adm1n-Pa55word-not-in-logs";

    @TempDir
    Path dir;

    @Test
    void shouldRunASagaWithOneUserPerApplicationAndRefuseEverythingElse() throws Exception {
        final TlsFiles tls = TlsFiles.generate(dir, TLS_PASSWORD);
        try (LogCapture logs = new LogCapture().including("org.apache.kafka");
             SecuredBroker broker = SecuredBroker.start(dir.resolve("kafka"), tls, BROKER_PASSWORD, ADMIN_PASSWORD)) {
            try (Admin admin = Admin.create(broker.adminConfig())) {
                admin.alterUserScramCredentials(List.of(
                        scram("processor", PROCESSOR_PASSWORD), scram("api", API_PASSWORD))).all().get();
                admin.createAcls(ApplicationAcls.processor("processor", APPLICATION_ID)).all().get();
                admin.createAcls(ApplicationAcls.api("api", APPLICATION_ID)).all().get();
            }

            runSaga(broker);

            try (KafkaProducer<String, String> api = new KafkaProducer<>(broker.clientConfig("api", API_PASSWORD),
                    new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> api.send(new ProducerRecord<>(Topics.RESERVATION_EVENTS.name(), "r", "{}"))
                        .get(30, TimeUnit.SECONDS))
                        .as("the API user writes no events").hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            final Map<String, Object> joiner = new HashMap<>(broker.clientConfig("api", API_PASSWORD));
            joiner.put(ConsumerConfig.GROUP_ID_CONFIG, APPLICATION_ID);
            try (KafkaConsumer<String, String> api = new KafkaConsumer<>(joiner, new StringDeserializer(),
                    new StringDeserializer())) {
                api.subscribe(List.of(Topics.COMMAND_RESULTS.name()));
                assertThatThrownBy(() -> api.poll(Duration.ofSeconds(30)))
                        .as("the API user cannot join the processor's group").isInstanceOf(GroupAuthorizationException.class);
            }
            final Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    broker.plaintextBootstrap());
            try (KafkaProducer<String, String> nobody = new KafkaProducer<>(anonymous, new StringSerializer(),
                    new StringSerializer())) {
                assertThatThrownBy(() -> nobody.send(new ProducerRecord<>(Topics.RESERVATION_COMMANDS.name(), "r", "{}"))
                        .get(30, TimeUnit.SECONDS))
                        .as("an anonymous client writes nothing").hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            try (Admin intruder = Admin.create(broker.clientConfig("api", "not-the-password"))) {
                assertThatThrownBy(() -> intruder.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }

            assertThat(logs.lines()).as("the capture sees the service's log")
                    .anyMatch(line -> line.contains("Stream processor " + APPLICATION_ID + " started"));
            assertThat(logs.lines()).as("Kafka's client configuration dump was logged, with the secret hidden")
                    .anyMatch(line -> line.contains("sasl.jaas.config = [hidden]"));
            assertThat(logs.lines()).noneMatch(line -> line.contains(PROCESSOR_PASSWORD) || line.contains(API_PASSWORD)
                    || line.contains(TLS_PASSWORD) || line.contains(BROKER_PASSWORD) || line.contains(ADMIN_PASSWORD));
        }
    }

    /**
     * As a cluster is deployed: the signing key lives apart (made by {@link TokenTool}), both instances verify tokens
     * with its public key only and create no key of their own.
     */
    private void runSaga(final SecuredBroker broker) {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(TokenTool.run(new PrintStream(printed, true, StandardCharsets.UTF_8), "--key-dir",
                dir.resolve("signing").toString(), "--public-copy", dir.resolve("public.pem").toString(),
                "--admin-token", "1h")).isZero();
        final String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        final Map<String, Object> publicKeyOnly = Map.of(
                "reservations.security.public-key-location", dir.resolve("public.pem"),
                "reservations.security.issuer", TokenIssuer.LOCAL_ISSUER,
                "reservations.security.audience", TokenIssuer.LOCAL_AUDIENCE);
        final Map<String, Object> processorProperties = new HashMap<>(broker.serviceProperties("processor", PROCESSOR_PASSWORD));
        processorProperties.putAll(publicKeyOnly);
        processorProperties.put("reservations.api.enabled", false);
        try (ServiceInstance processor = ServiceInstance.start(broker.secureBootstrap(), dir.resolve("processor"),
                APPLICATION_ID, processorProperties)) {
            final Map<String, Object> apiProperties = new HashMap<>(broker.serviceProperties("api", API_PASSWORD));
            apiProperties.putAll(publicKeyOnly);
            apiProperties.put("reservations.processor.enabled", false);
            apiProperties.put("reservations.api.read-from", processor.baseUrl());
            try (ServiceInstance api = ServiceInstance.start(broker.secureBootstrap(), dir.resolve("api"),
                    APPLICATION_ID, apiProperties)) {
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> processor.processor().state() == KafkaStreams.State.RUNNING);
                final HttpJson http = api.http(lines[lines.length - 1]);
                assertThat(http.post("/windows", "{\"id\":\"w\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}")
                        .status()).isEqualTo(201);
                assertThat(http.post("/reservations", "{\"id\":\"r\",\"window_id\":\"w\"}").status()).isEqualTo(201);
                assertThat(http.post("/reservations/r/select-resource", "{\"resource_type\":\"seat\"}").text("status"))
                        .isEqualTo("CONFIRMED");
                assertThat(http.get("/windows/w").json().get("resources").get(0).get("held_by").asString())
                        .isEqualTo("r");
            }
        }
        for (final String instance : List.of("processor", "api")) {
            assertThat(dir.resolve(instance).resolve("jwt")).as(instance + " made no key").doesNotExist();
            assertThat(dir.resolve(instance).resolve("admin-token")).as(instance + " saved no token").doesNotExist();
        }
    }

    private static UserScramCredentialUpsertion scram(final String user, final String password) {
        return new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                password);
    }
}
