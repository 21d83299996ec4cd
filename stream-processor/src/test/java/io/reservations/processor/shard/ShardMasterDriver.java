package io.reservations.processor.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.DriverWindows;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.timers.SagaTimer;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The shard masters' topology on TopologyTestDriver, for given/when/then tests: the contract's topics, the stores,
 * and the commands a test gives (a window, a reservation, a select, a cancel), each answered by its result. The
 * driver runs every partition's master in one task (every record goes to partition 0, whatever its key) and feeds
 * {@code forward-writes} back into it, so a cross-partition saga runs to its end within one pipe; the forward
 * records stay readable on the output topic. Its wall clock starts at {@code start} and moves only when a test
 * moves it.
 */
public final class ShardMasterDriver implements AutoCloseable {

    public static final int PARTITIONS = 12;

    private final TopologyTestDriver driver;
    private final Instant start;
    private final Duration recordAdvance;
    private final TestInputTopic<String, ReservationCommand> reservationCommands;
    private final TestInputTopic<String, WindowCommand> windowCommands;
    private final TestInputTopic<String, BundleCommand> bundleCommands;
    private final TestInputTopic<String, ForwardWrite> forwardWritesIn;
    private final TestOutputTopic<String, ForwardWrite> forwardWrites;
    private final TestOutputTopic<String, CommandResult> results;
    private final TestOutputTopic<String, ReservationEvent> reservationEvents;
    private final TestOutputTopic<String, WindowEvent> windowEvents;
    private final TestOutputTopic<String, BundleEvent> bundleEvents;
    private final TestOutputTopic<String, byte[]> deadLetters;
    private final DriverWindows windows;
    private int commandSequence;

    /** @param recordAdvance how much later each input record is than the one before ({@code ZERO}: all at start) */
    public ShardMasterDriver(final Instant start, final Duration recordAdvance, final MeterRegistry meters) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "shard-master-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        this.driver = new TopologyTestDriver(ShardMasterTopology.build(
                new ShardMasterOptions(PARTITIONS, Duration.ofHours(24), false, meters)), props, start);
        this.start = start;
        this.recordAdvance = recordAdvance;
        this.reservationCommands = input(Topics.RESERVATION_COMMANDS);
        this.windowCommands = input(Topics.WINDOW_COMMANDS);
        this.bundleCommands = input(Topics.BUNDLE_COMMANDS);
        this.forwardWritesIn = input(Topics.FORWARD_WRITES);
        this.forwardWrites = output(Topics.FORWARD_WRITES);
        this.results = output(Topics.COMMAND_RESULTS);
        this.reservationEvents = output(Topics.RESERVATION_EVENTS);
        this.windowEvents = output(Topics.WINDOW_EVENTS);
        this.bundleEvents = output(Topics.BUNDLE_EVENTS);
        this.deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        this.windows = new DriverWindows(driver);
    }

    /** The first id {@code <prefix>-<n>} that the partitioner puts on {@code partition}. */
    public static String onPartition(final String prefix, final int partition) {
        return PartitionedIds.onPartition(prefix, partition, PARTITIONS);
    }

    // --- given ---------------------------------------------------------------------------------------------

    /** A window with one resource per type given, named {@code <type>-<index>}. */
    public CommandResult createWindow(final String id, final String... types) {
        final List<ResourceSpec> resources = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            resources.add(new ResourceSpec(types[i] + "-" + i, types[i]));
        }
        final String commandId = nextCommandId();
        windowCommands.pipeInput(id, new CreateWindow(commandId, id, resources));
        return resultOf(commandId);
    }

    public CommandResult createReservation(final String id, final String windowId) {
        return send(new CreateReservation(nextCommandId(), id, windowId));
    }

    // --- when ----------------------------------------------------------------------------------------------

    public CommandResult select(final String reservationId, final String type) {
        return send(new SelectResource(nextCommandId(), reservationId, type));
    }

    public CommandResult cancel(final String reservationId) {
        return send(new CancelReservation(nextCommandId(), reservationId));
    }

    /** Sends a command to its reservation's master and answers its one result. */
    public CommandResult send(final ReservationCommand command) {
        reservationCommands.pipeInput(command.reservationId(), command);
        return resultOf(command.commandId());
    }

    /** As {@link #send(ReservationCommand)}, with the record time given. */
    public CommandResult send(final ReservationCommand command, final Instant recordTime) {
        reservationCommands.pipeInput(command.reservationId(), command, recordTime);
        return resultOf(command.commandId());
    }

    /** Sends a command to its bundle's master and answers its one result (once every item applied its part). */
    public CommandResult send(final BundleCommand command) {
        bundleCommands.pipeInput(command.bundleId(), command);
        return resultOf(command.commandId());
    }

    public void advanceWallClockTime(final Duration by) {
        driver.advanceWallClockTime(by);
    }

    // --- then ----------------------------------------------------------------------------------------------

    /** The one result written for {@code commandId} among the results not read yet (the others are read too). */
    public CommandResult resultOf(final String commandId) {
        final List<CommandResult> matching = results.readValuesToList().stream()
                .filter(result -> result.commandId().equals(commandId)).toList();
        assertThat(matching).as("exactly one result for %s", commandId).hasSize(1);
        return matching.get(0);
    }

    /** The simple class names of the reservation events not read yet. */
    public List<String> reservationEventTypes() {
        return typesOf(reservationEvents);
    }

    /** The simple class names of the bundle events not read yet. */
    public List<String> bundleEventTypes() {
        return typesOf(bundleEvents);
    }

    /** The simple class names of the window events not read yet. */
    public List<String> windowEventTypes() {
        return typesOf(windowEvents);
    }

    public String nextCommandId() {
        return "cmd-" + commandSequence++;
    }

    // --- the driver's parts --------------------------------------------------------------------------------

    public TopologyTestDriver driver() {
        return driver;
    }

    public TestInputTopic<String, ReservationCommand> reservationCommands() {
        return reservationCommands;
    }

    public TestInputTopic<String, WindowCommand> windowCommands() {
        return windowCommands;
    }

    /** Forward writes as a master receives them: the sagas' next steps. */
    public TestInputTopic<String, ForwardWrite> forwardWritesIn() {
        return forwardWritesIn;
    }

    /** Forward writes as the masters wrote them. */
    public TestOutputTopic<String, ForwardWrite> forwardWrites() {
        return forwardWrites;
    }

    public TestOutputTopic<String, CommandResult> results() {
        return results;
    }

    public TestOutputTopic<String, ReservationEvent> reservationEvents() {
        return reservationEvents;
    }

    public TestOutputTopic<String, WindowEvent> windowEvents() {
        return windowEvents;
    }

    public TestOutputTopic<String, byte[]> deadLetters() {
        return deadLetters;
    }

    public KeyValueStore<String, ReservationState> reservations() {
        return driver.getKeyValueStore(StoresAndTopics.RESERVATIONS);
    }

    public KeyValueStore<String, BundleState> bundles() {
        return driver.getKeyValueStore(StoresAndTopics.BUNDLES);
    }

    public KeyValueStore<String, SagaTimer> timers() {
        return driver.getKeyValueStore(StoresAndTopics.TIMERS);
    }

    public DriverWindows windows() {
        return windows;
    }

    @Override
    public void close() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(final TopicSpec<String, V> topic) {
        return driver.createInputTopic(topic.name(), Serdes.String().serializer(), topic.valueSerde().serializer(),
                start, recordAdvance);
    }

    private <V> TestOutputTopic<String, V> output(final TopicSpec<String, V> topic) {
        return driver.createOutputTopic(topic.name(), Serdes.String().deserializer(),
                topic.valueSerde().deserializer());
    }

    private static List<String> typesOf(final TestOutputTopic<String, ?> topic) {
        return topic.readValuesToList().stream().map(event -> event.getClass().getSimpleName()).toList();
    }
}
