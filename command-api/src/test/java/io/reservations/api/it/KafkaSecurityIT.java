package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.local.LocalKafkaBroker;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.LogCapture;
import io.reservations.api.support.ServiceInstance;
import io.reservations.api.support.TlsFiles;
import io.reservations.topics.KafkaClientSecurity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KRaft broker whose client listener is SASL_SSL with SCRAM-SHA-512 and a certificate made by the test: the
 * service runs a whole select-resource saga through it, a client with a wrong password is refused, and no
 * password appears in the log.
 */
class KafkaSecurityIT {

    private static final String SERVICE_PASSWORD = "s3rv1ce-Pa55word-not-in-logs";
    private static final String TLS_PASSWORD = "tls-Pa55word-not-in-logs";

    @TempDir
    Path dir;

    @Test
    void shouldRunASagaOverSaslSslAndRefuseAWrongPassword() throws Exception {
        final TlsFiles tls = TlsFiles.generate(dir, TLS_PASSWORD);
        final int port = ServiceInstance.freePortPair();
        final int securePort = ServiceInstance.freePort();
        try (LogCapture logs = new LogCapture().including("org.apache.kafka");
             LocalKafkaBroker broker = LocalKafkaBroker.start(dir.resolve("kafka"), port, Map.ofEntries(
                     Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1)
                             + ",SASL_SSL://localhost:" + securePort),
                     Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port + ",SASL_SSL://localhost:" + securePort),
                     Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL"),
                     Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512"),
                     Map.entry("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                             "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                     Map.entry("ssl.keystore.location", tls.keystore().toString()),
                     Map.entry("ssl.keystore.password", TLS_PASSWORD),
                     Map.entry("ssl.key.password", TLS_PASSWORD),
                     Map.entry("ssl.keystore.type", "PKCS12")))) {
            // users are created through the broker's internal PLAINTEXT listener, which clients are not given
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("reservations",
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), SERVICE_PASSWORD))).all().get();
            }
            final String secureBootstrap = "localhost:" + securePort;

            try (ServiceInstance service = ServiceInstance.start(secureBootstrap, dir.resolve("service"), "secure",
                    Map.of("reservations.kafka.security.protocol", "SASL_SSL",
                            "reservations.kafka.security.username", "reservations",
                            "reservations.kafka.security.password", SERVICE_PASSWORD,
                            "reservations.kafka.security.truststore-location", tls.truststore().toString(),
                            "reservations.kafka.security.truststore-password", TLS_PASSWORD,
                            "reservations.kafka.security.truststore-type", "PKCS12"))) {
                final HttpJson http = service.http();
                assertThat(http.post("/windows", "{\"id\":\"w\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}").status())
                        .isEqualTo(201);
                assertThat(http.post("/reservations", "{\"id\":\"r\",\"window_id\":\"w\"}").status()).isEqualTo(201);
                assertThat(http.post("/reservations/r/select-resource", "{\"resource_type\":\"seat\"}").text("status"))
                        .isEqualTo("CONFIRMED");
            }

            final KafkaClientSecurity wrongPassword = new KafkaClientSecurity("SASL_SSL", "SCRAM-SHA-512", "reservations",
                    "not-the-password", tls.truststore().toString(), TLS_PASSWORD, "PKCS12");
            final Map<String, Object> config = new HashMap<>(wrongPassword.clientConfig());
            config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, secureBootstrap);
            try (Admin intruder = Admin.create(config)) {
                assertThatThrownBy(() -> intruder.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }

            assertThat(logs.lines()).as("the capture sees the service's log")
                    .anyMatch(line -> line.contains("Stream processor secure started"));
            assertThat(logs.lines()).as("Kafka's client configuration dump was logged, with the secret hidden")
                    .anyMatch(line -> line.contains("sasl.jaas.config = [hidden]"));
            assertThat(logs.lines()).noneMatch(line -> line.contains(SERVICE_PASSWORD) || line.contains(TLS_PASSWORD));
        }
    }
}
