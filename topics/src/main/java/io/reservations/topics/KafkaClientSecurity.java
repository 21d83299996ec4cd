package io.reservations.topics;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The standard client security settings every Kafka client of the service takes (API, processor, tools):
 * {@code PLAINTEXT}, or {@code SASL_SSL} with SCRAM and a truststore. Environment variables:
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_USERNAME},
 * {@code KAFKA_SASL_PASSWORD}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, {@code KAFKA_SSL_TRUSTSTORE_PASSWORD},
 * {@code KAFKA_SSL_TRUSTSTORE_TYPE}. The password never appears in {@link #toString()}; Kafka's own config logging
 * hides password-type settings.
 */
public record KafkaClientSecurity(String protocol, String saslMechanism, String username, String password,
                                  String truststoreLocation, String truststorePassword, String truststoreType) {

    public static final KafkaClientSecurity NONE = new KafkaClientSecurity("PLAINTEXT", null, null, null, null, null, null);

    public KafkaClientSecurity {
        protocol = blankToNull(protocol) == null ? "PLAINTEXT" : protocol.trim().toUpperCase();
        saslMechanism = blankToNull(saslMechanism) == null ? "SCRAM-SHA-512" : saslMechanism.trim();
        username = blankToNull(username);
        password = blankToNull(password);
        truststoreLocation = blankToNull(truststoreLocation);
        truststorePassword = blankToNull(truststorePassword);
        truststoreType = blankToNull(truststoreType);
        if (protocol.startsWith("SASL") && (username == null || password == null)) {
            throw new IllegalArgumentException(protocol + " needs a SASL username and password");
        }
    }

    public static KafkaClientSecurity fromEnvironment(final Map<String, String> env) {
        return new KafkaClientSecurity(env.get("KAFKA_SECURITY_PROTOCOL"), env.get("KAFKA_SASL_MECHANISM"),
                env.get("KAFKA_SASL_USERNAME"), env.get("KAFKA_SASL_PASSWORD"), env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"),
                env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD"), env.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
    }

    /** The settings to add to any producer, consumer, admin or Streams configuration. */
    public Map<String, Object> clientConfig() {
        final Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL")) {
            config.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"" + escape(username) + "\" password=\"" + escape(password) + "\";");
        }
        if (protocol.endsWith("SSL") && truststoreLocation != null) {
            config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
            if (truststorePassword != null) {
                config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
            if (truststoreType != null) {
                config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
            }
        }
        return config;
    }

    @Override
    public String toString() {
        return "KafkaClientSecurity[" + protocol + (protocol.startsWith("SASL") ? ", " + saslMechanism + ", user "
                + username + ", password ****" : "") + (truststoreLocation == null ? "" : ", truststore " + truststoreLocation) + "]";
    }

    private static String escape(final String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
