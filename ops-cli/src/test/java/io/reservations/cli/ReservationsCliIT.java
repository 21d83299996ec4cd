package io.reservations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.contract.BundleItem;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.processor.ProcessorSettings;
import io.reservations.processor.StreamProcessor;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.TopicReader;
import io.reservations.topics.TopicSettings;
import io.reservations.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' tool against a real broker and a running processor. */
class ReservationsCliIT {

    private static KafkaTestBroker broker;
    private static StreamProcessor processor;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start(@TempDir final Path state) {
        broker = KafkaTestBroker.start();
        processor = StreamProcessor.start(new ProcessorSettings(broker.bootstrapServers(), "cli-it", state,
                new TopicSettings(12, 0), Duration.ofMillis(50), Duration.ofHours(24), 0, 1, "cli-it-1",
                Duration.ofSeconds(10), null));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        send(Topics.WINDOW_COMMANDS.name(), "cli-window", Topics.WINDOW_COMMANDS.valueSerde().serializer().serialize("",
                new CreateWindow("cw", "cli-window", List.of(new ResourceSpec("a", "seat")))));
        send(Topics.RESERVATION_COMMANDS.name(), "cli-reservation", reservationCommand(new CreateReservation("cr", "cli-reservation", "cli-window")));
        send(Topics.RESERVATION_COMMANDS.name(), "cli-reservation", reservationCommand(new SelectResource("cs", "cli-reservation", "seat")));
        await().atMost(Duration.ofMinutes(1)).until(() -> TopicReader.readAll(broker.bootstrapServers(),
                Topics.COMMAND_RESULTS.name(), Topics.COMMAND_RESULTS.valueSerde().deserializer()).size() == 3);
    }

    @AfterAll
    static void stop() {
        producer.close();
        processor.close();
        broker.close();
    }

    @Test
    void shouldTraceAReservationThroughEveryTopicInOrder() {
        final String output = run("trace", "cli-reservation");

        assertThat(output.lines().map(line -> line.split("\\s+")[1].replaceAll("\\[.*", "")).toList()).containsSubsequence(
                "reservation.commands", "reservation.events", "command.results",
                "reservation.commands", "reservation.events", "window.events", "reservation.events", "command.results");
        assertThat(output).contains("\"type\":\"SelectResource\"", "\"type\":\"ResourceAllocated\"",
                "\"type\":\"ResourceSelected\"", "\"status\":\"CONFIRMED\"");
        final List<String> select = output.lines().dropWhile(line -> !line.contains("\"type\":\"SelectResource\"")).toList();
        assertThat(select).as("causal order of the select-resource saga").satisfies(lines -> assertThat(
                lines.stream().map(SagaSteps::of).filter(step -> !step.isEmpty()).toList()).containsSubsequence(
                "SelectResource", "SelectionStarted", "ResourceAllocated", "ResourceSelected", "CONFIRMED"));
    }

    @Test
    void shouldTraceABundleAcrossItsItemsAndTheirWindows() {
        send(Topics.WINDOW_COMMANDS.name(), "cli-desks", Topics.WINDOW_COMMANDS.valueSerde().serializer().serialize("",
                new CreateWindow("cwd", "cli-desks", List.of(new ResourceSpec("d", "desk"), new ResourceSpec("e", "desk")))));
        for (final String item : List.of("cli-item-1", "cli-item-2")) {
            send(Topics.RESERVATION_COMMANDS.name(), item, reservationCommand(new CreateReservation("c-" + item, item, "cli-desks")));
        }
        send(Topics.BUNDLE_COMMANDS.name(), "cli-bundle", Topics.BUNDLE_COMMANDS.valueSerde().serializer().serialize("",
                new CreateBundle("cb", "cli-bundle", List.of(new BundleItem("cli-item-1", "desk"),
                        new BundleItem("cli-item-2", "desk")), null, null, null, true)));
        await().atMost(Duration.ofMinutes(1)).until(() -> TopicReader.readAll(broker.bootstrapServers(),
                Topics.COMMAND_RESULTS.name(), Topics.COMMAND_RESULTS.valueSerde().deserializer()).stream()
                .anyMatch(result -> result.value().commandId().equals("cb")));

        final String output = run("trace", "cli-bundle");

        assertThat(output).contains("\"type\":\"CreateBundle\"", "\"type\":\"BundleStarted\"", "SELECT_FOR_BUNDLE",
                "BUNDLE_ITEM_SELECTED", "\"type\":\"BundleConfirmed\"", "SETTLE_BUNDLE_ITEM", "BUNDLE_ITEM_SETTLED");
        assertThat(output.lines().filter(line -> line.contains("\"type\":\"ResourceSelected\"")).count())
                .as("both items' events").isEqualTo(2);
        assertThat(output.lines().filter(line -> line.contains("\"type\":\"ResourceAllocated\"")).count())
                .as("their window's").isEqualTo(2);
    }

    @Test
    void shouldFindNoDifferenceBetweenTheFoldedEventsAndTheLiveStores() {
        final String output = run("rebuild", "--application-id", "cli-it");

        assertThat(output).contains("from events; 0 difference(s) with the live stores");
    }

    @Test
    void shouldListADeadLetterAndResubmitItRepaired(@TempDir final Path tmp) throws Exception {
        send(Topics.RESERVATION_COMMANDS.name(), "cli-repaired", ("{\"type\":\"CreateReservation\",\"command_id\":\"c-dl\","
                + "\"reservation_id\":\"cli-repaired\",\"window_id\":\"bad window id\"}").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> run("dead-letters").contains("key=cli-repaired"));
        final String listing = run("dead-letters");
        final String position = listing.lines().filter(line -> line.contains("key=cli-repaired"))
                .findFirst().orElseThrow().split("\\s+")[0];
        assertThat(listing).contains("window_id must be 1 to 128");
        final Path repaired = tmp.resolve("repaired.json");
        Files.writeString(repaired, "{\"type\":\"CreateReservation\",\"command_id\":\"c-dl\","
                + "\"reservation_id\":\"cli-repaired\",\"window_id\":\"cli-window\"}");

        assertThat(run("dead-letters", "--resubmit", position, "--value-file", repaired.toString()))
                .contains("Re-submitted " + position + " to reservation.commands");

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(broker.bootstrapServers(),
                        Topics.RESERVATION_EVENTS.name(), Topics.RESERVATION_EVENTS.valueSerde().deserializer()).stream()
                .map(record -> record.value())
                .anyMatch(event -> event.reservationId().equals("cli-repaired")));
    }

    private static String run(final String... args) {
        final PrintStream original = System.out;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            final String[] all = new String[args.length + 2];
            all[0] = "--bootstrap-server";
            all[1] = broker.bootstrapServers();
            System.arraycopy(args, 0, all, 2, args.length);
            ReservationsCli.run(all);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void send(final String topic, final String key, final byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (final Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] reservationCommand(final ReservationCommand command) {
        return Topics.RESERVATION_COMMANDS.valueSerde().serializer().serialize("", command);
    }

    /** The saga step a trace line shows, by the first marker it contains. */
    private static final class SagaSteps {
        private static final List<String> MARKERS = List.of("SelectResource", "SelectionStarted", "ALLOCATE_RESOURCE",
                "ResourceAllocated", "CONFIRM_SELECTION", "ResourceSelected", "CONFIRMED");

        static String of(final String line) {
            return MARKERS.stream().filter(marker -> line.contains("\"" + marker + "\"")).findFirst().orElse("");
        }
    }
}
