package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.processor.ProcessorSettings;
import io.reservations.processor.StreamProcessor;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import io.reservations.topics.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor instance that is killed leaves its last transaction open, and everything that reads what it wrote
 * (read_committed) waits until the broker aborts it after the transaction timeout. The instances that stay end it
 * as soon as the group has moved on: here a transaction of the application's shape, from a process that is not in
 * the group, open with a two-minute timeout, is aborted within seconds of a processor's rebalance.
 */
@ExtendWith(SharedKafkaBroker.class)
class DepartedTransactionsIT {

    private static final String APPLICATION_ID = "departed-it";
    private static final String OUTPUT = "departed-it-output";

    @TempDir
    Path stateDir;

    @Test
    void shouldAbortATransactionLeftOpenByAProcessThatIsNoLongerInTheGroup(final KafkaTestBroker broker) throws Exception {
        final String departed = APPLICATION_ID + "-" + UUID.randomUUID() + "-1";
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             KafkaProducer<String, String> leftOpen = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, departed,
                     ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofMinutes(2).toMillis()),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(OUTPUT, 1, (short) 1))).all().get();
            leftOpen.initTransactions();
            leftOpen.beginTransaction();
            leftOpen.send(new ProducerRecord<>(OUTPUT, "key", "never committed")).get();
            assertThat(stableEnd(admin)).as("the open transaction holds the last stable offset").isZero();

            try (StreamProcessor processor = StreamProcessor.start(new ProcessorSettings(broker.bootstrapServers(),
                    APPLICATION_ID, stateDir, new TopicSettings(4, 0), Duration.ofMillis(10), Duration.ofHours(24),
                    0, 1, "departed-it-instance", Duration.ofSeconds(10), null), registry)) {
                await("the departed transaction aborted").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(admin.describeTransactions(List.of(departed)).description(departed).get().state())
                                .as("aborted, then empty under the fencing producer's epoch").isNotEqualTo(TransactionState.ONGOING));
                await("its abort marker written").atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(stableEnd(admin)).isEqualTo(2));
                await().atMost(Duration.ofMinutes(1)).until(() -> processor.state() == KafkaStreams.State.RUNNING);

                assertThat(registry.get("reservations.processor.departed_transactions_fenced").counter().count())
                        .as("only the departed transaction fenced, never the processor's own").isEqualTo(1);
                assertThat(processor.threadFailures().recentFailures()).isZero();
            }
        }
    }

    private static long stableEnd(final Admin admin) throws Exception {
        final TopicPartition partition = new TopicPartition(OUTPUT, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(partition).get().offset();
    }
}
