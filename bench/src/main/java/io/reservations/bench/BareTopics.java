package io.reservations.bench;

import io.reservations.topics.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The bare saga topology's topics, made for one run: created, led, and written once per partition. */
final class BareTopics {

    private BareTopics() {
    }

    static void create(final String bootstrap, final List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, Cluster.PARTITIONS, (short) 1)).toList()).all().get();
            while (admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .anyMatch(topic -> topic.partitions().stream().anyMatch(partition -> partition.leader() == null))) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        // as for the other references: one acknowledged record per new partition before an idempotent producer
        try (KafkaProducer<String, byte[]> warm = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (final String topic : topics) {
                for (int partition = 0; partition < Cluster.PARTITIONS; partition++) {
                    warm.send(new ProducerRecord<>(topic, partition, "warm", Json.mapper().writeValueAsBytes(
                            new BareSagaMaster.Message("warm", null, null, null, null, 0)))).get();
                }
            }
        }
    }
}
