package io.reservations.local.it;

import io.reservations.api.support.ServiceInstance;
import io.reservations.local.LocalKafkaBroker;
import io.reservations.topics.KafkaClientSecurity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A KRaft broker as a production cluster is set up: applications connect over SASL_SSL with SCRAM-SHA-512 users,
 * the broker and controller listeners are authenticated (PLAIN, the broker's own user), and the StandardAuthorizer
 * denies every request no ACL allows. Its PLAINTEXT listener takes anonymous connections and allows them nothing.
 */
public final class SecuredBroker implements AutoCloseable {

    /** The broker's own principal (inter-broker and controller traffic) and the operators': super users. */
    public static final String BROKER_USER = "broker";
    public static final String ADMIN_USER = "admin";

    private final LocalKafkaBroker broker;
    private final int internalPort;
    private final int securePort;
    private final String adminPassword;
    private final TlsFiles tls;

    private SecuredBroker(final LocalKafkaBroker broker, final int internalPort, final int securePort,
                          final String adminPassword, final TlsFiles tls) {
        this.broker = broker;
        this.internalPort = internalPort;
        this.securePort = securePort;
        this.adminPassword = adminPassword;
        this.tls = tls;
    }

    public static SecuredBroker start(final Path dir, final TlsFiles tls, final String brokerPassword,
                                      final String adminPassword) {
        final int port = ServiceInstance.freePortPair();
        final int internalPort = ServiceInstance.freePort();
        final int securePort = ServiceInstance.freePort();
        final String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
                + "\" password=\"" + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword + "\" user_"
                + ADMIN_USER + "=\"" + adminPassword + "\";";
        final LocalKafkaBroker broker = LocalKafkaBroker.start(dir, port, Map.ofEntries(
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1)
                        + ",INTERNAL://localhost:" + internalPort + ",SASL_SSL://localhost:" + securePort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port + ",INTERNAL://localhost:"
                        + internalPort + ",SASL_SSL://localhost:" + securePort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,"
                        + "INTERNAL:SASL_PLAINTEXT,SASL_SSL:SASL_SSL"),
                Map.entry("inter.broker.listener.name", "INTERNAL"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", plain),
                Map.entry("listener.name.internal.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("listener.name.internal.plain.sasl.jaas.config", plain),
                Map.entry("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512"),
                Map.entry("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("ssl.keystore.location", tls.keystore().toString()),
                Map.entry("ssl.keystore.password", tls.password()),
                Map.entry("ssl.key.password", tls.password()),
                Map.entry("ssl.keystore.type", "PKCS12"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:" + BROKER_USER + ";User:" + ADMIN_USER),
                Map.entry("allow.everyone.if.no.acl.found", "false")));
        return new SecuredBroker(broker, internalPort, securePort, adminPassword, tls);
    }

    /** The applications' bootstrap servers (SASL_SSL). */
    public String secureBootstrap() {
        return "localhost:" + securePort;
    }

    /** The unauthenticated listener: anonymous, allowed nothing. */
    public String plaintextBootstrap() {
        return broker.bootstrapServers();
    }

    /** An operator's client (a super user) on the authenticated internal listener. */
    public Map<String, Object> adminConfig() {
        final Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + internalPort);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + ADMIN_USER + "\" password=\"" + adminPassword + "\";");
        return config;
    }

    /** The client security of an application user, as the service is configured with it. */
    public KafkaClientSecurity user(final String name, final String password) {
        return new KafkaClientSecurity("SASL_SSL", "SCRAM-SHA-512", name, password, tls.truststore().toString(),
                tls.password(), "PKCS12");
    }

    /** A client of an application user on the SASL_SSL listener. */
    public Map<String, Object> clientConfig(final String name, final String password) {
        final Map<String, Object> config = new HashMap<>(user(name, password).clientConfig());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, secureBootstrap());
        return config;
    }

    /** The properties a service instance connects with as that user. */
    public Map<String, Object> serviceProperties(final String name, final String password) {
        return Map.of("reservations.kafka.security.protocol", "SASL_SSL",
                "reservations.kafka.security.username", name,
                "reservations.kafka.security.password", password,
                "reservations.kafka.security.truststore-location", tls.truststore().toString(),
                "reservations.kafka.security.truststore-password", tls.password(),
                "reservations.kafka.security.truststore-type", "PKCS12");
    }

    @Override
    public void close() {
        broker.close();
    }
}
