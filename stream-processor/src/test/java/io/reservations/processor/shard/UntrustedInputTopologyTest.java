package io.reservations.processor.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationState;
import io.reservations.topics.DeadLetterHeaders;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records that break the contract, written around the API (any client with write access to the topics can), and
 * steps that throw: each is rejected or dead-lettered where it enters, and the partition goes on. Before, each of
 * these failed the stream thread, whose replacement took the same record again, for ever.
 */
class UntrustedInputTopologyTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ShardMasterDriver masters;

    @BeforeEach
    void startDriver() {
        masters = new ShardMasterDriver(START, Duration.ofMillis(1), meters);
        masters.createWindow("w", "seat", "seat");
        masters.createReservation("r1", "w");
        masters.createReservation("r2", "w");
        masters.windowEvents().readValuesToList();
    }

    @AfterEach
    void closeDriver() {
        masters.close();
    }

    @Test
    void shouldRejectHoldsOutOfBoundsBeforeTheWindowAllocatesAndKeepThePartitionGoing() {
        for (final String holdFor : List.of("PXYZ", "P999999999999D", "-PT1S")) {
            masters.reservationCommands().pipeInput("r1", new SelectResource("hold-" + holdFor, "r1", "seat", null, null, true, holdFor));
        }

        assertThat(masters.results().readValuesToList()).extracting(CommandResult::status, CommandResult::code).containsOnly(
                org.assertj.core.groups.Tuple.tuple(CommandStatus.REJECTED, ErrorCode.INVALID.slug())).hasSize(3);
        assertThat(masters.windowEvents().isEmpty()).as("nothing allocated").isTrue();
        assertThat(masters.reservations().get("r1").status()).isEqualTo(ReservationStatus.PENDING);
        masters.reservationCommands().pipeInput("r2", new SelectResource("select-r2", "r2", "seat"));
        assertThat(masters.results().readValuesToList()).singleElement().satisfies(result ->
                assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED));
    }

    @Test
    void shouldDeadLetterACommandWhoseStepThrowsAndAnswerItAsInvalid() {
        // a state no build writes (CONFIRMED without its resource): deciding on it throws
        masters.reservations().put("r1", new ReservationState("r1", "w", ReservationStatus.CONFIRMED, null, null));

        masters.reservationCommands().pipeInput("r1", new SelectResource("select-r1", "r1", "seat"));
        masters.reservationCommands().pipeInput("r2", new SelectResource("select-r2", "r2", "seat"));

        final List<TestRecord<String, byte[]>> dead = masters.deadLetters().readRecordsToList();
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("r1");
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("select-r1");
            assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(NullPointerException.class.getName());
        });
        assertThat(masters.results().readValuesToList()).extracting(CommandResult::commandId, CommandResult::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("select-r1", ErrorCode.INVALID.slug()),
                        org.assertj.core.groups.Tuple.tuple("select-r2", null));
    }

    @Test
    void shouldCompensateAConfirmationWhoseStepThrowsSoTheWindowGetsItsResourceBack() {
        masters.reservations().put("r1", new ReservationState("r1", "w", ReservationStatus.CONFIRMED, null, null));

        // the window allocates and answers; the answer's step throws on the reservation's side
        masters.forwardWritesIn().pipeInput("w", ForwardWrite.of("c1", Operation.ALLOCATE_RESOURCE,
                ForwardData.allocate("r1", "w", "seat"), 0));

        assertThat(masters.deadLetters().readRecordsToList()).singleElement().satisfies(letter ->
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("CONFIRM_SELECTION"));
        final List<WindowEvent> events = masters.windowEvents().readValuesToList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(ResourceReleased.class,
                released -> assertThat(released.resourceId()).isEqualTo("seat-0"));
        masters.reservationCommands().pipeInput("r2", new SelectResource("select-r2", "r2", "seat"));
        assertThat(masters.results().readValuesToList()).last().satisfies(result ->
                assertThat(result.entity().toString()).contains("seat-0"));
    }

    @Test
    void shouldDeadLetterPoisonRecordsAndKeepProcessingThePartition() {
        final TestInputTopic<String, byte[]> rawCommands = masters.driver().createInputTopic(
                Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), START,
                Duration.ofMillis(1));
        final List<String> poisons = List.of(
                "not json at all",
                "{\"type\":\"DropTable\",\"command_id\":\"c\",\"reservation_id\":\"r-1\"}",
                "{\"type\":\"CreateReservation\",\"command_id\":\"c\",\"reservation_id\":\"r-1\",\"window_id\":\"bad id!\"}",
                "{\"type\":\"CreateReservation\",\"command_id\":\"c\",\"reservation_id\":\"someone-else\",\"window_id\":\"w\"}");
        poisons.forEach(poison -> rawCommands.pipeInput("r-1", poison.getBytes(StandardCharsets.UTF_8)));
        rawCommands.pipeInput((String) null, "{}".getBytes(StandardCharsets.UTF_8));

        final CommandResult created = masters.createReservation("r-1", "w");

        final List<TestRecord<String, byte[]>> dead = masters.deadLetters().readRecordsToList();
        assertThat(dead).hasSize(5);
        assertThat(dead.get(0).value()).isEqualTo(poisons.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead.get(0), DeadLetterHeaders.TOPIC)).isEqualTo("reservation.commands");
        assertThat(header(dead.get(0), DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(dead.stream().map(r -> header(r, DeadLetterHeaders.OFFSET)).toList())
                .as("after the two reservations created first").containsExactly("2", "3", "4", "5", "6");
        assertThat(header(dead.get(1), DeadLetterHeaders.ERROR)).contains("DropTable");
        assertThat(header(dead.get(2), DeadLetterHeaders.ERROR)).contains("window_id");
        assertThat(header(dead.get(3), DeadLetterHeaders.ERROR)).contains("is not the entity id");
        assertThat(header(dead.get(4), DeadLetterHeaders.ERROR)).contains("no key");
        assertThat(created.status()).as("the partition goes on").isEqualTo(CommandStatus.SUCCEEDED);
        assertThat(masters.results().isEmpty()).as("no answer for a poison record").isTrue();
        assertThat(masters.reservations().get("r-1").status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(meters.get("reservations.dead_letters").tag("topic", "reservation.commands").counter().count())
                .isEqualTo(5.0);
    }

    private static String header(final TestRecord<String, byte[]> record, final String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
