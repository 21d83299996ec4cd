package io.reservations.api.kafka;

import io.reservations.api.local.LocalKafkaBroker;

/**
 * Where this instance's Kafka clients connect: the configured cluster, or the local broker this instance runs
 * (then closing the connection stops the broker; every client bean depends on it, so it closes last).
 */
public final class KafkaConnection implements AutoCloseable {

    private final String bootstrapServers;
    private final LocalKafkaBroker localBroker;

    KafkaConnection(final String bootstrapServers, final LocalKafkaBroker localBroker) {
        this.bootstrapServers = bootstrapServers;
        this.localBroker = localBroker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
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
