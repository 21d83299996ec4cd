package io.reservations.processor;

import io.reservations.processor.shard.OwnerIndexSync;
import io.reservations.processor.shard.ShardMasterTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends the owner index's markers ({@link OwnerIndexSync}) to its topic. Not idempotent: a marker written twice is
 * harmless, and an idempotent producer's first write to a new partition can retry for minutes; quick to give up
 * while Kafka is unreachable.
 */
final class IndexMarkers implements OwnerIndexSync.MarkerSender, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;

    IndexMarkers(final ProcessorSettings settings, final Duration giveUpAfter) {
        final Map<String, Object> config = new HashMap<>(settings.clientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) giveUpAfter.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.applicationId() + "-index-markers");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = ShardMasterTopology.ownerIndexTopic(settings.applicationId());
    }

    @Override
    public CompletableFuture<?> send(final int partition, final String markerId) {
        final CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(new ProducerRecord<String, byte[]>(topic, partition, null, null, List.of(new RecordHeader(
                OwnerIndexSync.MARKER_HEADER, markerId.getBytes(StandardCharsets.UTF_8)))), (metadata, failure) -> {
            if (failure != null) {
                sent.completeExceptionally(failure);
            } else {
                sent.complete(null);
            }
        });
        return sent;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
