package io.reservations.auditor;

import io.reservations.topics.KafkaClientSecurity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * @param clientId         the auditor's name on the brokers (its own: it reads as no other application does)
 * @param grace            how long a broken promise may last before it is reported (a failover, at least)
 * @param selectionTimeout the processor's: how long a selection or a bundle may wait for its windows
 */
public record AuditorSettings(String bootstrapServers, KafkaClientSecurity security, String clientId,
                              Duration grace, Duration selectionTimeout) {

    public static final String DEFAULT_CLIENT_ID = "reservations-auditor";
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    Map<String, Object> clientConfig() {
        final Map<String, Object> config = new HashMap<>(security.clientConfig());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
