package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.contract.CommandStatus;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.ProcessorSettings;
import io.reservations.processor.StreamProcessor;
import io.reservations.processor.it.MixedCommandLoad.Keyed;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowLayout;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import io.reservations.topics.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two processor instances share the 12 partitions of a real KRaft broker with exactly-once v2. Thousands of
 * mixed commands run while one instance is closed and restarted; then the topics, read as any consumer would,
 * must keep every promise of the design.
 */
@ExtendWith(SharedKafkaBroker.class)
class ExactlyOnceFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceFailoverIT.class);
    private static final int WINDOWS = 30;
    private static final int RESOURCES_PER_WINDOW = 10;
    private static final int RESERVATIONS = 800;

    private static KafkaTestBroker broker;

    @TempDir
    Path stateDirs;

    @BeforeAll
    static void shareBroker(final KafkaTestBroker shared) {
        broker = shared;
    }

    @Test
    void shouldKeepEveryInvariantWhileAnInstanceIsClosedAndRestartedUnderLoad() {
        final ProcessorSettings settingsA = settings("a");
        final ProcessorSettings settingsB = settings("b");
        final List<StreamProcessor> running = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            final StreamProcessor a = track(running, StreamProcessor.start(settingsA));
            StreamProcessor b = track(running, StreamProcessor.start(settingsB));
            awaitRunning(a, b);

            final List<Keyed> setup = MixedCommandLoad.windowsAndReservations(WINDOWS, RESOURCES_PER_WINDOW, RESERVATIONS);
            final List<Keyed> load = MixedCommandLoad.selectionsAndCancels(RESERVATIONS, 42L);
            final int third = load.size() / 3;
            MixedCommandLoad.publish(producer, setup);
            MixedCommandLoad.publish(producer, load.subList(0, third));

            b.close(); // its partitions move to a while a works through the backlog
            running.remove(b);
            MixedCommandLoad.publish(producer, load.subList(third, 2 * third));

            b = track(running, StreamProcessor.start(settingsB)); // resumes from its local state and the changelogs
            MixedCommandLoad.publish(producer, load.subList(2 * third, load.size()));

            final List<String> sent = new ArrayList<>();
            setup.forEach(command -> sent.add(command.commandId()));
            load.forEach(command -> sent.add(command.commandId()));
            LOG.info("Sent {} commands", sent.size());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    SagaInvariants.read(broker.bootstrapServers()).resultsByCommand.size() >= sent.size());

            final SagaInvariants topics = SagaInvariants.read(broker.bootstrapServers());
            topics.assertExactlyOneResultPerCommand(sent);
            topics.assertAllocationsConsistent();
            assertThat(topics.count(ReservationStatus.SELECTING)).as("sagas left open").isZero();
            assertThat(topics.deadLetters).isZero();
            assertThat(topics.count(ReservationStatus.CONFIRMED)).isPositive();
            assertThat(topics.count(ReservationStatus.CANCELLED)).isPositive();
            assertThat(topics.heldResources()).isEqualTo(topics.count(ReservationStatus.CONFIRMED))
                    .isLessThanOrEqualTo(WINDOWS * RESOURCES_PER_WINDOW);
            assertThat(topics.resultsByCommand.values().stream().flatMap(List::stream))
                    .anyMatch(r -> ErrorCode.NO_RESOURCE_AVAILABLE.slug().equals(r.code()))
                    .anyMatch(r -> r.status() == CommandStatus.SUCCEEDED);
            LOG.info("Verified {} results, {} events: {} confirmed, {} cancelled, {} held resources",
                    topics.resultsByCommand.size(), topics.events, topics.count(ReservationStatus.CONFIRMED),
                    topics.count(ReservationStatus.CANCELLED), topics.heldResources());

            final StreamProcessor restarted = b;
            awaitRunning(a, restarted);
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() -> {
                assertThat(restarted.shardMasters().metadataForLocalThreads())
                        .as("the restarted instance masters partitions again")
                        .anySatisfy(thread -> assertThat(thread.activeTasks()).isNotEmpty());
                assertThat(storeContents(StoresAndTopics.RESERVATIONS, a, restarted))
                        .as("reservation stores = fold of reservation.events").isEqualTo(topics.reservations);
                assertThat(windowContents(a, restarted))
                        .as("window stores = fold of window.events").isEqualTo(topics.windows);
            });
        } finally {
            running.forEach(StreamProcessor::close);
        }
    }

    private ProcessorSettings settings(final String instance) {
        return new ProcessorSettings(broker.bootstrapServers(), "failover-it", stateDirs.resolve(instance),
                new TopicSettings(12, 0), Duration.ofMillis(50), Duration.ofHours(24), 0, 1, null, Duration.ofSeconds(10), null);
    }

    private static StreamProcessor track(final List<StreamProcessor> running, final StreamProcessor processor) {
        running.add(processor);
        return processor;
    }

    private static void awaitRunning(final StreamProcessor... processors) {
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            for (final StreamProcessor processor : processors) {
                if (processor.state() != KafkaStreams.State.RUNNING) {
                    return false;
                }
            }
            return true;
        });
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    /** Every instance's windows, read through interactive queries of the window layout. */
    private static Map<String, WindowState> windowContents(final StreamProcessor... processors) {
        final Map<String, WindowState> all = new HashMap<>();
        for (final StreamProcessor processor : processors) {
            final ReadOnlyKeyValueStore<String, byte[]> index = local(processor, StoresAndTopics.WINDOW_INDEX);
            final ReadOnlyKeyValueStore<String, WindowState> whole = local(processor, StoresAndTopics.WHOLE_WINDOWS);
            WindowLayout.windowIds(index).forEach(id -> all.put(id, WindowLayout.read(index, whole, id)));
        }
        return all;
    }

    private static <V> ReadOnlyKeyValueStore<String, V> local(final StreamProcessor processor, final String store) {
        return processor.shardMasters().store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** The union of every instance's local stores, read through interactive queries. */
    private static <V> Map<String, V> storeContents(final String storeName, final StreamProcessor... processors) {
        final Map<String, V> all = new HashMap<>();
        for (final StreamProcessor processor : processors) {
            final ReadOnlyKeyValueStore<String, V> store = processor.shardMasters().store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
            try (KeyValueIterator<String, V> entries = store.all()) {
                entries.forEachRemaining(entry -> all.put(entry.key, entry.value));
            }
        }
        return all;
    }
}
