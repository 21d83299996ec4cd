package io.reservations.reliability;

import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no API would send, written straight to each input topic as a faulty producer would, each followed in
 * its partition by a good command: the poison must end in {@code dead-letters} and the good command must still be
 * processed.
 */
final class PoisonRecords {

    /** Where a poison record was written. */
    record Written(String topic, int partition, long offset, String what) {
    }

    private PoisonRecords() {
    }

    /**
     * @param windowId an existing window, for the good reservation commands that follow the poison
     * @return the poison records written (the good ones are ordinary commands, checked with all the others)
     */
    static List<Written> write(final String bootstrap, final int partitions, final String windowId, final String tag) {
        final List<Written> written = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (final String topic : List.of(Topics.RESERVATION_COMMANDS.name(), Topics.WINDOW_COMMANDS.name(),
                    Topics.FORWARD_WRITES.name())) {
                final String key = "poison-" + tag + "-" + topic.replace('.', '-');
                final int partition = EntityPartitioner.partitionOf(key, partitions);
                written.add(send(producer, topic, partition, key, "not json {", "bytes that are not JSON"));
                written.add(send(producer, topic, partition, key, "{\"type\":\"DropTable\",\"command_id\":\"" + key + "\"}",
                        "an unknown type"));
                // a well-formed command in the wrong partition: its master would not be the entity's master
                final String misrouted = "{\"type\":\"CreateReservation\",\"command_id\":\"" + key + "-m\",\"reservation_id\":\""
                        + key + "\",\"window_id\":\"" + windowId + "\"}";
                written.add(send(producer, topic, (partition + 1) % partitions, key, misrouted, "a misrouted record"));
            }
            // good commands right behind the poison, in the same partitions
            final String goodWindow = keyOn("good-" + tag + "-w", partitionOf(written, Topics.WINDOW_COMMANDS.name()), partitions);
            send(producer, Topics.WINDOW_COMMANDS.name(), EntityPartitioner.partitionOf(goodWindow, partitions), goodWindow,
                    "{\"type\":\"CreateWindow\",\"command_id\":\"" + goodWindow + "\",\"window_id\":\"" + goodWindow
                            + "\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}", "good");
            final String goodReservation = keyOn("good-" + tag + "-r", partitionOf(written, Topics.RESERVATION_COMMANDS.name()),
                    partitions);
            send(producer, Topics.RESERVATION_COMMANDS.name(), EntityPartitioner.partitionOf(goodReservation, partitions),
                    goodReservation, "{\"type\":\"CreateReservation\",\"command_id\":\"" + goodReservation
                            + "\",\"reservation_id\":\"" + goodReservation + "\",\"window_id\":\"" + windowId + "\"}", "good");
        }
        return written;
    }

    private static int partitionOf(final List<Written> written, final String topic) {
        return written.stream().filter(w -> w.topic().equals(topic)).findFirst().orElseThrow().partition();
    }

    /** An id of the form {@code prefix-n} whose entity lives on {@code partition}. */
    static String keyOn(final String prefix, final int partition, final int partitions) {
        for (int n = 0; ; n++) {
            final String id = prefix + "-" + n;
            if (EntityPartitioner.partitionOf(id, partitions) == partition) {
                return id;
            }
        }
    }

    private static Written send(final KafkaProducer<String, byte[]> producer, final String topic, final int partition,
                                final String key, final String value, final String what) {
        try {
            final RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, partition, key,
                    value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            return new Written(topic, partition, metadata.offset(), what);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }
}
