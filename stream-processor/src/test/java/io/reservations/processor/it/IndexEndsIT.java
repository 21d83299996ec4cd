package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.processor.readmodels.IndexEnds;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A listing waits for the owner index to read past the end {@link IndexEnds} gives: that end counts a transaction
 * still open (its commit marker may reach this partition after a client already has the command's result).
 */
@ExtendWith(SharedKafkaBroker.class)
class IndexEndsIT {

    private static final String APPLICATION_ID = "index-ends";

    @Test
    void shouldCountTheRecordsOfATransactionStillOpen(final KafkaTestBroker broker) throws Exception {
        final Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        final String topic = StoresAndTopics.ownerIndexTopic(APPLICATION_ID);
        try (Admin admin = Admin.create(client);
             IndexEnds ends = new IndexEnds(client, APPLICATION_ID, Duration.ofSeconds(10));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, "index-ends-test"),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "alice", "{}")).get();

            assertThat(ends.of(0)).as("the open transaction's record counts").isEqualTo(1);

            producer.commitTransaction(); // returns before the coordinator wrote the partition's marker
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ends.of(0)).isEqualTo(2));
        }
    }
}
