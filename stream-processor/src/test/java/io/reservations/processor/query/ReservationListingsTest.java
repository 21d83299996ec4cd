package io.reservations.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.readmodels.OwnerIndexSync;
import io.reservations.processor.readmodels.ReadModelTopology;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.queries.EntityQueries;
import io.reservations.queries.ReservationFilter;
import io.reservations.queries.ReservationSlice;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An owner's listing holds that owner's reservations only; everyone's walk holds all of them. */
class ReservationListingsTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    private static final ReservationFilter ANY = new ReservationFilter(null, null);

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReservationCommand> commands;
    private ReservationListings listings;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "listings-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        driver = new TopologyTestDriver(ReadModelTopology.withShardMasters(
                new ShardMasterOptions(12, Duration.ofHours(24), false, meters), OwnerIndexSync.none(meters)), props, START);
        commands = driver.createInputTopic(
                Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ZERO);
        commands.pipeInput("r-tilde", new CreateReservation("c1", "r-tilde", "w", null, "~"));
        commands.pipeInput("r-alice", new CreateReservation("c2", "r-alice", "w", null, "alice"));
        final KeyValueStore<String, ReservationState> reservations =
                driver.getKeyValueStore(StoresAndTopics.RESERVATIONS);
        // recorded without an owner (version 0.1.0): indexed once, for admins
        reservations.put("r-ownerless", new ReservationState("r-ownerless", "w", ReservationStatus.PENDING, null, null, null));
        driver.advanceWallClockTime(Duration.ofMillis(10));
        listings = new ReservationListings(driver.getKeyValueStore(StoresAndTopics.OWNER_INDEX));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldNotGiveTheReservationsWithoutOwnerToACallerWhoseSubjectIsTheirIndexKey() {
        assertThat(ids(listings.reservationsOf("~", ANY, null, 100).items())).containsExactly("r-tilde");
    }

    @Test
    void shouldListEveryReservationInEveryonesWalk() {
        assertThat(ids(listings.allReservations(ANY, null, 100, EntityQueries.SCAN_BUDGET).items()))
                .containsExactlyInAnyOrder("r-tilde", "r-alice", "r-ownerless");
    }

    @Test
    void shouldEndAPageAtItsScanBudgetAndGoOnWhereItStopped() {
        for (int i = 1; i <= 5; i++) {
            commands.pipeInput("r-b" + i, new CreateReservation("b" + i, "r-b" + i, "w", null, "bob"));
        }
        commands.pipeInput("r-b5", new CancelReservation("b6", "r-b5", null, "bob", false));
        final ReservationListings budgeted = new ReservationListings(
                driver.getKeyValueStore(StoresAndTopics.OWNER_INDEX), 3);
        final ReservationFilter cancelled = new ReservationFilter(null, ReservationStatus.CANCELLED);

        final ReservationSlice first = budgeted.reservationsOf("bob", cancelled, null, 10);
        assertThat(first.items()).as("three read, none cancelled").isEmpty();
        assertThat(first.next()).contains("r-b4");
        final ReservationSlice second = budgeted.reservationsOf("bob", cancelled, first.next().get(), 10);
        assertThat(ids(second.items())).containsExactly("r-b5");
        assertThat(second.next()).isEmpty();

        final ReservationSlice everyone = listings.allReservations(cancelled, null, 10, 2);
        assertThat(everyone.items()).isEmpty();
        assertThat(everyone.scanned()).isEqualTo(2);
        assertThat(everyone.next()).as("the key after the two read").isPresent();
    }

    private static List<String> ids(final List<Reservation> reservations) {
        return reservations.stream().map(Reservation::id).toList();
    }
}
