package io.reservations.topics;

import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the contract. Names are part of the public contract; do not rename. */
public final class Topics {

    /**
     * The largest record any topic (and the processor's changelogs) takes: a window of 10,000 resources with
     * 128-character ids is one command, one event and one result of a few MiB.
     */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    public static final TopicSpec<String, ReservationCommand> RESERVATION_COMMANDS = new TopicSpec<>(
            "reservation.commands", Serdes.String(), new JsonSerde<>(ReservationCommand.class), true, delete());

    public static final TopicSpec<String, WindowCommand> WINDOW_COMMANDS = new TopicSpec<>(
            "window.commands", Serdes.String(), new JsonSerde<>(WindowCommand.class), true, delete());

    public static final TopicSpec<String, BundleCommand> BUNDLE_COMMANDS = new TopicSpec<>(
            "bundle.commands", Serdes.String(), new JsonSerde<>(BundleCommand.class), true, delete());

    public static final TopicSpec<String, ForwardWrite> FORWARD_WRITES = new TopicSpec<>(
            "forward-writes", Serdes.String(), new JsonSerde<>(ForwardWrite.class), true, delete());

    public static final TopicSpec<String, ReservationEvent> RESERVATION_EVENTS = new TopicSpec<>(
            "reservation.events", Serdes.String(), new JsonSerde<>(ReservationEvent.class), false, keptForever());

    public static final TopicSpec<String, WindowEvent> WINDOW_EVENTS = new TopicSpec<>(
            "window.events", Serdes.String(), new JsonSerde<>(WindowEvent.class), false, keptForever());

    public static final TopicSpec<String, BundleEvent> BUNDLE_EVENTS = new TopicSpec<>(
            "bundle.events", Serdes.String(), new JsonSerde<>(BundleEvent.class), false, keptForever());

    public static final TopicSpec<String, CommandResult> COMMAND_RESULTS = new TopicSpec<>(
            "command.results", Serdes.String(), new JsonSerde<>(CommandResult.class), false, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES)));

    /** Values are the original bytes, whatever they were; the error travels in headers (see DeadLetterHeaders). */
    public static final TopicSpec<String, byte[]> DEAD_LETTERS = new TopicSpec<>(
            "dead-letters", Serdes.String(), Serdes.ByteArray(), false, delete());

    /**
     * Who sent which dead letter back to its topic, and when (the console's resubmit): one JSON record per dead
     * letter, keyed by its position in {@code dead-letters} ({@code partition@offset}), kept for good.
     */
    public static final TopicSpec<String, byte[]> DEAD_LETTER_RESUBMISSIONS = new TopicSpec<>(
            "dead-letters.resubmissions", Serdes.String(), Serdes.ByteArray(), false, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES)));

    public static final List<TopicSpec<?, ?>> ALL = List.of(RESERVATION_COMMANDS, WINDOW_COMMANDS, BUNDLE_COMMANDS,
            FORWARD_WRITES, RESERVATION_EVENTS, WINDOW_EVENTS, BUNDLE_EVENTS, COMMAND_RESULTS, DEAD_LETTERS,
            DEAD_LETTER_RESUBMISSIONS);

    /**
     * The topics the command API makes sure of: it writes commands and the console's resubmissions, reads results.
     * It reads three more that the processor makes (window.events for the change streams, the owners' usage, the
     * dead letters for the console) and may not create.
     */
    public static final List<TopicSpec<?, ?>> USED_BY_API = List.of(RESERVATION_COMMANDS, WINDOW_COMMANDS,
            BUNDLE_COMMANDS, COMMAND_RESULTS, DEAD_LETTER_RESUBMISSIONS);

    private Topics() {
    }

    private static Map<String, String> delete() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    }

    private static Map<String, String> keptForever() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    }
}
