package io.reservations.api.quotas;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.api.kafka.TopicFollower;
import io.reservations.api.kafka.FollowingReader;
import io.reservations.topics.OwnerUsage;
import io.reservations.topics.TopicSpec;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Every API instance reads the whole owner-usage topic (compacted: one record per owner), from its start and then
 * as it grows, into {@link OwnerUsages}. The processor creates the topic: until it exists, the reader looks for it
 * once a second, and every owner counts as keeping nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class OwnerUsageReader extends FollowingReader {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerUsageReader.class);

    private final KafkaConnection kafka;
    private final TopicSpec<String, OwnerUsage> topic;
    private final OwnerUsages usages;

    public OwnerUsageReader(final KafkaConnection kafka, final ReservationsProperties properties,
                            final OwnerUsages usages) {
        this.kafka = kafka;
        this.topic = OwnerUsage.topic(properties.processor().applicationId());
        this.usages = usages;
    }

    @Override
    protected TopicFollower open() {
        final Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // the processor makes it, compacted
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "owner-usage-" + UUID.randomUUID());
        final TopicFollower follower = new TopicFollower(new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()), topic.name(), TopicFollower.From.START, this::read);
        follower.start("owner-usage");
        return follower;
    }

    private void read(final ConsumerRecord<String, byte[]> record) {
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
}
