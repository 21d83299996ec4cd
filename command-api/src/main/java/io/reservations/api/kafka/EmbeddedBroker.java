package io.reservations.api.kafka;

/**
 * A Kafka broker this process runs itself: the local service's (module {@code local-service}). This jar has none;
 * with no cluster configured, the service asks the context for one and refuses to start when there is none.
 */
public interface EmbeddedBroker extends AutoCloseable {

    String bootstrapServers();

    /** Stops the broker; the {@link KafkaConnection} calls it after every client that uses the broker closed. */
    @Override
    void close();
}
