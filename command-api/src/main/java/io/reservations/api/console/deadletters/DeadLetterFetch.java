package io.reservations.api.console.deadletters;

import io.reservations.api.errors.ApiException;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.HttpStatus;

/** Reads one dead letter from {@code dead-letters} at its position: any of them, not only those the console lists. */
final class DeadLetterFetch {

    private static final Duration FIND_WITHIN = Duration.ofSeconds(10);

    private DeadLetterFetch() {
    }

    /** The dead letter at {@code partition@offset}, read as committed; 404 when there is none. */
    static ConsumerRecord<String, byte[]> read(final KafkaConnection kafka, final int partition, final long offset) {
        final Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final TopicPartition where = new TopicPartition(Topics.DEAD_LETTERS.name(), partition);
            if (consumer.partitionsFor(where.topic()).stream().noneMatch(info -> info.partition() == partition)
                    || offset < 0 || offset >= consumer.endOffsets(Set.of(where)).get(where)) {
                throw notFound(partition, offset);
            }
            consumer.assign(Set.of(where));
            consumer.seek(where, offset);
            final long giveUp = System.nanoTime() + FIND_WITHIN.toNanos();
            while (System.nanoTime() < giveUp) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    throw notFound(partition, offset); // a transaction marker's offset, or deleted
                }
            }
            throw ApiException.unavailable("Could not read dead letter " + DeadLetter.position(partition, offset));
        }
    }

    private static ApiException notFound(final int partition, final long offset) {
        return new ApiException(HttpStatus.NOT_FOUND, "dead-letter-not-found",
                "No dead letter at " + DeadLetter.position(partition, offset));
    }
}
