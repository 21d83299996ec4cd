package io.reservations.api.quotas;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.topics.OwnerUsage;
import io.reservations.topics.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every API instance reads the whole owner-usage topic (compacted: one record per owner), from its start and then
 * as it grows, into {@link OwnerUsages}. The processor creates the topic: until it exists, the reader looks for it
 * once a second, and every owner counts as keeping nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class OwnerUsageReader implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerUsageReader.class);

    private final KafkaConnection kafka;
    private final TopicSpec<String, OwnerUsage> topic;
    private final OwnerUsages usages;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread poller;

    public OwnerUsageReader(final KafkaConnection kafka, final ReservationsProperties properties,
                            final OwnerUsages usages) {
        this.kafka = kafka;
        this.topic = OwnerUsage.topic(properties.processor().applicationId());
        this.usages = usages;
    }

    @Override
    public void start() {
        final Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // the processor makes it, compacted
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "owner-usage-" + UUID.randomUUID());
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        poller = new Thread(this::run, "owner-usage");
        poller.setDaemon(true);
        poller.start();
    }

    private void run() {
        try {
            while (!assigned()) {
                if (stopped.await(1, TimeUnit.SECONDS)) {
                    return;
                }
            }
            while (stopped.getCount() > 0) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
            }
        } catch (final WakeupException | InterruptedException e) {
            // stopping
        } catch (final KafkaException e) {
            LOG.error("Stopped reading {}: quotas count only what this instance admits from now on", topic.name(), e);
        } finally {
            consumer.close();
        }
    }

    /** The whole topic, from its start, once it exists. */
    private boolean assigned() {
        final List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (!partitions.isEmpty()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        return !partitions.isEmpty();
    }

    private void apply(final ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        try {
            usages.published(record.key(), record.value() == null ? null
                    : topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        } catch (final SerializationException e) {
            LOG.error("Skipping unreadable usage at {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        if (consumer != null) {
            consumer.wakeup();
        }
        if (poller != null) {
            try {
                poller.join(Duration.ofSeconds(5).toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null && poller.isAlive();
    }
}
