package io.reservations.processor.readmodels;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * The read models' Kafka clients, Kafka Streams' own but for the main consumer, which after each poll tells
 * {@link OwnerIndexSync} where it stands in each partition of the owner-index topic (on the stream thread, the
 * only one that may touch it).
 */
public final class ReadModelClients implements KafkaClientSupplier {

    private final String indexTopic;
    private final OwnerIndexSync sync;

    public ReadModelClients(final String indexTopic, final OwnerIndexSync sync) {
        this.indexTopic = indexTopic;
        this.sync = sync;
    }

    @Override
    public Admin getAdmin(final Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(final Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(final Map<String, Object> config) {
        return new PositionReportingConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(final Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(final Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private final class PositionReportingConsumer extends KafkaConsumer<byte[], byte[]> {

        PositionReportingConsumer(final Map<String, Object> config) {
            super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(final Duration timeout) {
            final ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            for (final TopicPartition partition : assignment()) {
                if (partition.topic().equals(indexTopic)) {
                    report(partition, records.records(partition));
                }
            }
            return records;
        }

        private void report(final TopicPartition partition, final List<ConsumerRecord<byte[], byte[]>> returned) {
            final long lastReturned = returned.isEmpty() ? -1 : returned.get(returned.size() - 1).offset();
            try {
                sync.polled(partition.partition(), position(partition, Duration.ZERO), lastReturned);
            } catch (final TimeoutException notKnownYet) {
                // a partition just assigned, whose position is still being looked up: the next poll tells
            }
        }
    }
}
