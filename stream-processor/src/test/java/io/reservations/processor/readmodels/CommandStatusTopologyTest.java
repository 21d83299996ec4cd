package io.reservations.processor.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.WindowCommand;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.shard.ShardMasterTopology;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

/** The {@code command-status} store follows {@code command.results}, in the read models' application. */
class CommandStatusTopologyTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
    private final ShardMasterOptions options = new ShardMasterOptions(12, Duration.ofHours(24), false, new SimpleMeterRegistry());

    @Test
    void shouldRunTheSagasAloneAsSubTopologyZeroAndTheReadModelsInTheirOwnApplication() {
        // the shard masters' tasks (0_n) keep their ids and state directories; their transactions carry no read model
        assertThat(nodesBySubTopology(ShardMasterTopology.build(options).describe())).singleElement()
                .satisfies(nodes -> assertThat(nodes).contains(ShardMasterTopology.SHARD_MASTER)
                        .doesNotContain("command-status-updater", "owner-index-updater"));
        assertThat(nodesBySubTopology(ReadModelTopology.build("reservation-processor", options.commandRetention(),
                OwnerIndexSync.none(new SimpleMeterRegistry())).describe())).hasSize(2)
                .anySatisfy(nodes -> assertThat(nodes).contains("command-status-updater"))
                .anySatisfy(nodes -> assertThat(nodes).contains("owner-index-updater"));
    }

    private static List<List<String>> nodesBySubTopology(final TopologyDescription description) {
        return description.subtopologies().stream().sorted(java.util.Comparator.comparingInt(TopologyDescription.Subtopology::id))
                .map(subtopology -> subtopology.nodes().stream().map(TopologyDescription.Node::name).toList()).toList();
    }

    @Test
    void shouldKeepEveryResultByCommandIdAsPublishedForTheRetention() {
        final Topology topology = ReadModelTopology.withShardMasters(options, OwnerIndexSync.none(new SimpleMeterRegistry()));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "command-status-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, START)) {
            final TestInputTopic<String, WindowCommand> commands = driver.createInputTopic(Topics.WINDOW_COMMANDS.name(),
                    Serdes.String().serializer(), Topics.WINDOW_COMMANDS.valueSerde().serializer(), START, Duration.ZERO);
            commands.pipeInput("w1", new CreateWindow("create-w1", "w1", List.of(new ResourceSpec("s1", "seat"))));

            final KeyValueStore<String, ValueAndTimestamp<byte[]>> store =
                    driver.getTimestampedKeyValueStore(StoresAndTopics.COMMAND_STATUS);
            final CommandResult result = Topics.COMMAND_RESULTS.valueSerde().deserializer()
                    .deserialize(Topics.COMMAND_RESULTS.name(), store.get("create-w1").value());
            assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED);
            assertThat(result.entity().id()).isEqualTo("w1");

            driver.advanceWallClockTime(options.commandRetention().plusMinutes(20)); // a pass starts
            driver.advanceWallClockTime(CommandStatusUpdater.PURGE_INTERVAL); // and takes its first step
            assertThat(store.get("create-w1")).as("dropped after the retention").isNull();
        }
    }

    @Test
    void shouldDropExpiredResultsASliceAtATimeNeverScanningTheWholeStoreInOneStep() {
        final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        final TimestampedKeyValueStore<String, byte[]> store = Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoresAndTopics.COMMAND_STATUS), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        final CommandStatusUpdater updater = new CommandStatusUpdater(options.commandRetention(), 100);
        updater.init(context);
        for (int i = 0; i < 250; i++) {
            updater.process(new Record<>(String.format("c%03d", i), new byte[] {1}, START.toEpochMilli()));
        }
        assertThat(context.scheduledPunctuators()).as("only the start of a pass, every ten minutes").singleElement()
                .satisfies(pass -> assertThat(pass.getInterval()).isEqualTo(CommandStatusUpdater.PURGE_EVERY));
        final long late = START.plus(options.commandRetention()).plusSeconds(1).toEpochMilli();

        context.scheduledPunctuators().get(0).getPunctuator().punctuate(late);
        final MockProcessorContext.CapturedPunctuator steps = context.scheduledPunctuators().get(1);
        steps.getPunctuator().punctuate(late);
        assertThat(count(store)).as("one slice dropped").isEqualTo(150);
        steps.getPunctuator().punctuate(late + 1_000);
        steps.getPunctuator().punctuate(late + 2_000);
        assertThat(count(store)).as("all dropped, slice by slice").isZero();
        assertThat(steps.cancelled()).as("no step scheduled until the next pass").isTrue();
    }

    private static long count(final TimestampedKeyValueStore<String, byte[]> store) {
        long entries = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                entries++;
            }
        }
        return entries;
    }
}
