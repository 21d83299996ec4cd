package io.reservations.processor.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** The owner index follows every change of a reservation, and takes in the reservations stored before it existed. */
class OwnerIndexTopologyTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReservationCommand> commands;
    private KeyValueStore<String, byte[]> index;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "owner-index-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ReadModelTopology.withShardMasters(new ShardMasterOptions(12,
                Duration.ofHours(24), false, new SimpleMeterRegistry()), OwnerIndexSync.none(new SimpleMeterRegistry())),
                props, START);
        commands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(), Serdes.String().serializer(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer(), START, Duration.ZERO);
        index = driver.getKeyValueStore(StoresAndTopics.OWNER_INDEX);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldIndexEachReservationUnderItsOwnerAndFollowItsChanges() {
        commands.pipeInput("r1", new CreateReservation("c1", "r1", "w", null, "alice"));
        commands.pipeInput("r2", new CreateReservation("c2", "r2", "w", null, "bob"));
        commands.pipeInput("r3", new CreateReservation("c3", "r3", "w", null, "alice"));
        commands.pipeInput("r1", new CancelReservation("c4", "r1", null, "alice", false));

        assertThat(keys()).containsExactly("alice|r1", "alice|r3", "bob|r2");
        assertThat(indexed("alice|r1").status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(indexed("alice|r3").owner()).isEqualTo("alice");
    }

    @Test
    void shouldIndexOnceTheReservationsStoredBeforeTheIndexExisted() {
        final KeyValueStore<String, ReservationState> reservations = driver.getKeyValueStore(StoresAndTopics.RESERVATIONS);
        reservations.put("old-1", new ReservationState("old-1", "w", ReservationStatus.PENDING, null, null, "carol"));
        reservations.put("old-2", new ReservationState("old-2", "w", ReservationStatus.PENDING, null, null, null));

        driver.advanceWallClockTime(Duration.ofMillis(10));

        assertThat(keys()).containsExactly("carol|old-1", "~|old-2");
        index.delete("carol|old-1");
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(keys()).as("sent once").containsExactly("~|old-2");
    }

    private Reservation indexed(final String key) {
        return new JsonSerde<>(Reservation.class).deserializer().deserialize(null, index.get(key));
    }

    private List<String> keys() {
        final List<String> keys = new ArrayList<>();
        try (var all = index.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
