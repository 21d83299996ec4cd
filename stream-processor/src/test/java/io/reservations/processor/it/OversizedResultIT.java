package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.Window;
import io.reservations.processor.ProcessorSettings;
import io.reservations.processor.StreamProcessor;
import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.KafkaClientSecurity;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import io.reservations.topics.TopicReader;
import io.reservations.topics.TopicSettings;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's topics made as a cluster's own tooling made them before (no {@code max.message.bytes}: the
 * broker's 1 MiB), and a window whose command fits that limit while its result does not. The processor that may
 * not correct the topics dead-letters that window and answers it as invalid, and the partition goes on; the
 * processor that may corrects the topics at start and takes the same window. Before, the result's refusal failed
 * the stream thread, its replacement took the same command again, and every entity of that partition stopped.
 */
@ExtendWith(SharedKafkaBroker.class)
class OversizedResultIT {

    private static final int PARTITIONS = 12;
    /** Kafka's default {@code message.max.bytes}: what a topic made without {@code max.message.bytes} takes. */
    private static final int BROKER_DEFAULT_LIMIT = 1_048_588;

    @TempDir
    Path state;

    @Test
    void shouldKeepThePartitionGoingWhenAResultOutgrowsItsTopicAndTakeItOnceTheTopicIsCorrected(final KafkaTestBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES), new StringSerializer(),
                     new ByteArraySerializer())) {
            createTopicsWithoutRecordLimits(admin);
            final byte[] big = bytes(largeWindow("create-big", "big-window"));
            assertThat(big.length).as("the command fits the broker's default").isLessThan(BROKER_DEFAULT_LIMIT - 10_000);

            try (StreamProcessor processor = start(broker, false)) {
                send(producer, "big-window", big);
                final String small = idOnPartitionOf("small-window", "big-window");
                send(producer, small, bytes(new CreateWindow("create-small", small, List.of(new ResourceSpec("a", "seat")))));

                await("the small window, behind the big one in its partition").atMost(Duration.ofMinutes(1))
                        .until(() -> result(broker, "create-small").isPresent());
                assertThat(result(broker, "create-small").orElseThrow().status()).isEqualTo(CommandStatus.SUCCEEDED);
                assertThat(result(broker, "create-big").orElseThrow().code()).isEqualTo(ErrorCode.INVALID.slug());
                assertThat(TopicReader.readAll(broker.bootstrapServers(), Topics.DEAD_LETTERS.name(),
                        Topics.DEAD_LETTERS.valueSerde().deserializer())).extracting(ConsumerRecord::key)
                        .containsExactly("big-window");
                assertThat(maxMessageBytes(admin, Topics.COMMAND_RESULTS.name())).as("reported, not corrected")
                        .isEqualTo(Integer.toString(BROKER_DEFAULT_LIMIT));
            }

            try (StreamProcessor processor = start(broker, true)) {
                await("the topics corrected").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    for (final TopicSpec<?, ?> topic : Topics.ALL) {
                        assertThat(maxMessageBytes(admin, topic.name())).as(topic.name())
                                .isEqualTo(Integer.toString(Topics.MAX_RECORD_BYTES));
                    }
                });
                send(producer, "big-window-2", bytes(largeWindow("create-big-2", "big-window-2")));
                await("the big window, once the topics take it").atMost(Duration.ofMinutes(1))
                        .until(() -> result(broker, "create-big-2").isPresent());
                assertThat(result(broker, "create-big-2").orElseThrow().entity()).isInstanceOfSatisfying(Window.class,
                        window -> assertThat(window.resources()).hasSize(CreateWindow.MAX_RESOURCES));
            }
        }
    }

    /** As docker-compose.yml made them before: the contract's policies, no record limit of their own. */
    private static void createTopicsWithoutRecordLimits(final Admin admin) throws Exception {
        final List<NewTopic> topics = new ArrayList<>();
        for (final TopicSpec<?, ?> spec : Topics.ALL) {
            final Map<String, String> configs = new HashMap<>(spec.configs());
            configs.remove(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            topics.add(new NewTopic(spec.name(), PARTITIONS, (short) 1).configs(configs));
        }
        admin.createTopics(topics).all().get();
    }

    /** 10,000 resources whose result (each with {@code available} and {@code held_by}) outgrows 1 MiB. */
    private static CreateWindow largeWindow(final String commandId, final String windowId) {
        final List<ResourceSpec> resources = new ArrayList<>();
        for (int i = 0; i < CreateWindow.MAX_RESOURCES; i++) {
            resources.add(new ResourceSpec(String.format("resource-%031d", i), "optical_channel_type_a"));
        }
        return new CreateWindow(commandId, windowId, resources);
    }

    private StreamProcessor start(final KafkaTestBroker broker, final boolean correctDrift) {
        final StreamProcessor processor = StreamProcessor.start(new ProcessorSettings(broker.bootstrapServers(),
                "oversized-result-it", state, new TopicSettings(PARTITIONS, 0, correctDrift), Duration.ofMillis(10),
                Duration.ofHours(24), 0, 1, null, Duration.ofSeconds(10), null, KafkaClientSecurity.NONE),
                new SimpleMeterRegistry());
        await().atMost(Duration.ofMinutes(1)).until(() -> processor.state() == KafkaStreams.State.RUNNING);
        return processor;
    }

    private static String idOnPartitionOf(final String prefix, final String other) {
        final int partition = EntityPartitioner.partitionOf(other, PARTITIONS);
        for (int i = 0; ; i++) {
            if (EntityPartitioner.partitionOf(prefix + "-" + i, PARTITIONS) == partition) {
                return prefix + "-" + i;
            }
        }
    }

    private static void send(final KafkaProducer<String, byte[]> producer, final String key, final byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(Topics.WINDOW_COMMANDS.name(), key, value)).get();
    }

    private static byte[] bytes(final CreateWindow command) {
        return Topics.WINDOW_COMMANDS.valueSerde().serializer().serialize("", command);
    }

    private static Optional<CommandResult> result(final KafkaTestBroker broker, final String commandId) {
        return TopicReader.readAll(broker.bootstrapServers(), Topics.COMMAND_RESULTS.name(),
                        Topics.COMMAND_RESULTS.valueSerde().deserializer()).stream()
                .map(ConsumerRecord::value).filter(result -> result.commandId().equals(commandId)).findFirst();
    }

    private static String maxMessageBytes(final Admin admin, final String topic) throws Exception {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value();
    }
}
