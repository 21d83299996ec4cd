package io.reservations.api.kafka;

import io.reservations.topics.KafkaClientSecurity;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where this instance's Kafka clients connect: the configured cluster, or the broker this process runs itself
 * (then closing the connection stops the broker; every client bean depends on it, so it closes last).
 */
public final class KafkaConnection implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaClientSecurity security;
    private final EmbeddedBroker localBroker;

    KafkaConnection(final String bootstrapServers, final KafkaClientSecurity security, final EmbeddedBroker localBroker) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.localBroker = localBroker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaClientSecurity security() {
        return security;
    }

    /** Bootstrap servers and security settings: the base of every client's configuration. */
    public Map<String, Object> clientConfig() {
        final Map<String, Object> config = new HashMap<>(security.clientConfig());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    public boolean local() {
        return localBroker != null;
    }

    @Override
    public void close() {
        if (localBroker != null) {
            localBroker.close();
        }
    }
}
