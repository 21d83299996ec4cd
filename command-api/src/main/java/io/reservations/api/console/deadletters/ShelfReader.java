package io.reservations.api.console.deadletters;

import io.reservations.api.kafka.FollowingReader;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.api.kafka.TopicFollower;
import io.reservations.topics.Json;
import io.reservations.topics.Topics;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/** Reads one topic for the {@link DeadLetterShelf}, as committed, from its start and then as it grows. */
public final class ShelfReader extends FollowingReader {

    private static final Logger LOG = LoggerFactory.getLogger(ShelfReader.class);

    private final KafkaConnection kafka;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;

    /** Reads {@code dead-letters} onto the shelf. */
    public static ShelfReader deadLetters(final KafkaConnection kafka, final DeadLetterShelf shelf) {
        return new ShelfReader(kafka, Topics.DEAD_LETTERS.name(), record -> shelf.deadLettered(DeadLetter.of(record)));
    }

    /** Reads {@code dead-letters.resubmissions} onto the shelf (an unreadable record is logged and passed over). */
    public static ShelfReader resubmissions(final KafkaConnection kafka, final DeadLetterShelf shelf) {
        return new ShelfReader(kafka, Topics.DEAD_LETTER_RESUBMISSIONS.name(), record -> {
            try {
                shelf.resubmitted(Json.mapper().readValue(record.value(), Resubmission.class));
            } catch (final JacksonException | IllegalArgumentException e) {
                LOG.warn("Passing over an unreadable resubmission at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        });
    }

    private ShelfReader(final KafkaConnection kafka, final String topic, final Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.kafka = kafka;
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    protected TopicFollower open() {
        final Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, topic + "-" + UUID.randomUUID());
        final TopicFollower follower = new TopicFollower(new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()), topic, TopicFollower.From.START, handler);
        follower.start(topic + "-reader");
        return follower;
    }
}
