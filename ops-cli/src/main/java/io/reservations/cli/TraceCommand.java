package io.reservations.cli;

import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.CommandResult;
import io.reservations.contract.EntityView;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import io.reservations.topics.TopicReader;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * An entity's whole history in order: its commands, the forward writes to and from it, its events, the results
 * of its commands, and its dead letters; a bundle's with its items' and their windows' records of its commands.
 */
@Command(name = "trace", description = "Print an entity's history across commands, forward writes, events and results.")
final class TraceCommand implements Callable<Integer> {

    @ParentCommand
    private ReservationsCli cli;

    @Parameters(index = "0", description = "A reservation, window or bundle id")
    private String entityId;

    /**
     * One line of the history. Every record a step causes carries the time of the command that started it, so
     * {@code step} orders the lines of one timestamp the way the saga runs (see {@link SagaOrder}).
     */
    record Line(long timestamp, int step, String topic, int partition, long offset, String text) {

        @Override
        public String toString() {
            return Instant.ofEpochMilli(timestamp) + "  " + topic + "[" + partition + "@" + offset + "]  " + text;
        }
    }

    @Override
    public Integer call() {
        final List<Line> lines = history();
        lines.forEach(System.out::println);
        if (lines.isEmpty()) {
            System.out.println("Nothing about " + entityId + " in any topic.");
        }
        return 0;
    }

    List<Line> history() {
        final List<Line> lines = new ArrayList<>();
        final Set<String> commandIds = new HashSet<>();
        lines.addAll(read(Topics.RESERVATION_COMMANDS, command -> entityId.equals(command.reservationId()),
                ReservationCommand::commandId, commandIds));
        lines.addAll(read(Topics.WINDOW_COMMANDS, command -> entityId.equals(command.windowId()),
                WindowCommand::commandId, commandIds));
        final Set<String> bundleCommands = new HashSet<>();
        lines.addAll(read(Topics.BUNDLE_COMMANDS, command -> entityId.equals(command.bundleId()),
                BundleCommand::commandId, bundleCommands));
        commandIds.addAll(bundleCommands);
        lines.addAll(read(Topics.FORWARD_WRITES, write -> entityId.equals(write.data().reservationId())
                || entityId.equals(write.data().windowId()) || entityId.equals(write.data().bundleId()),
                ForwardWrite::commandId, commandIds));
        lines.addAll(read(Topics.BUNDLE_EVENTS, event -> entityId.equals(event.bundleId()), BundleEvent::commandId,
                commandIds));
        // a bundle's items' events carry its commands' ids: the trace of a bundle shows every item's
        lines.addAll(read(Topics.RESERVATION_EVENTS, event -> entityId.equals(event.reservationId())
                || bundleCommands.contains(event.commandId()), ReservationEvent::commandId, commandIds));
        // a reservation's selections and releases show in its window's events too, under the same command ids
        lines.addAll(read(Topics.WINDOW_EVENTS, event -> entityId.equals(event.windowId())
                || commandIds.contains(event.commandId()), WindowEvent::commandId, new HashSet<>()));
        lines.addAll(read(Topics.COMMAND_RESULTS, result -> resultConcerns(result, commandIds),
                CommandResult::commandId, new HashSet<>()));
        for (final ConsumerRecord<String, byte[]> dead : TopicReader.readAll(cli.clientConfig(), Topics.DEAD_LETTERS.name(),
                new ByteArrayDeserializer())) {
            if (entityId.equals(dead.key())) {
                lines.add(new Line(dead.timestamp(), SagaOrder.LAST, dead.topic(), dead.partition(), dead.offset(),
                        "DEAD LETTER " + DeadLettersCommand.describe(dead)));
            }
        }
        lines.sort(Comparator.comparingLong(Line::timestamp).thenComparingInt(Line::step)
                .thenComparing(Line::topic).thenComparingLong(Line::offset));
        return lines;
    }

    private boolean resultConcerns(final CommandResult result, final Set<String> commandIds) {
        final EntityView entity = result.entity();
        return commandIds.contains(result.commandId()) || (entity != null && entityId.equals(entity.id()));
    }

    /** The records of a topic that concern the entity, noting their command ids in {@code seen}. */
    private <V> List<Line> read(final TopicSpec<String, V> topic, final Predicate<V> concerns,
                                final Function<V, String> commandOf, final Set<String> seen) {
        final List<Line> lines = new ArrayList<>();
        for (final ConsumerRecord<String, byte[]> record : TopicReader.readAll(cli.clientConfig(), topic.name(),
                new ByteArrayDeserializer())) {
            final V value;
            try {
                value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
            } catch (final RuntimeException unreadable) {
                continue; // poison input: the dead-letters command lists it
            }
            if (value != null && concerns.test(value)) {
                seen.add(commandOf.apply(value));
                lines.add(new Line(record.timestamp(), SagaOrder.step(value), record.topic(), record.partition(), record.offset(),
                        new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }
}
