package io.reservations.processor.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.ReservationCommand;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A listing's marker is read by the index's task, reported to the waiting read, and never stored. */
class OwnerIndexSyncTopologyTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
    private static final String APPLICATION_ID = "index-sync-test";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> markersSent = new ArrayList<>();
    private boolean deliverMarkers = true;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> indexTopic;
    private OwnerIndexSync sync;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // the driver runs on this thread: a marker piped in is processed before send returns
        sync = new OwnerIndexSync(this::send, Duration.ofMillis(200), meters);
        driver = new TopologyTestDriver(ReadModelTopology.addTo(ShardMasterTopology.build(
                new ShardMasterOptions(12, Duration.ofHours(24), false, meters), APPLICATION_ID), APPLICATION_ID,
                Duration.ofHours(24), sync), props, START);
        indexTopic = driver.createInputTopic(ShardMasterTopology.ownerIndexTopic(APPLICATION_ID),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldAnswerOnceTheIndexReachedTheMarkerAndNotStoreIt() {
        final TestInputTopic<String, ReservationCommand> commands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(),
                Serdes.String().serializer(), Topics.RESERVATION_COMMANDS.valueSerde().serializer());
        commands.pipeInput("r1", new CreateReservation("c1", "r1", "w", null, "alice"));

        assertThat(sync.awaitPartition(3)).isTrue();

        assertThat(markersSent).hasSize(1);
        final KeyValueStore<String, byte[]> index = driver.getKeyValueStore(ShardMasterTopology.OWNER_INDEX_STORE);
        assertThat(index.approximateNumEntries()).isEqualTo(1);
        assertThat(index.get("alice|r1")).isNotNull();
        assertThat(meters.get("reservations.listings.index_sync").tag("outcome", "reached").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterTheTimeoutWhenTheMarkerIsNotRead() {
        deliverMarkers = false;

        assertThat(sync.awaitPartition(0)).isFalse();

        assertThat(meters.get("reservations.listings.index_sync").tag("outcome", "timeout").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAMarkerNobodyWaitsFor() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(OwnerIndexSync.MARKER_HEADER, "stale".getBytes(StandardCharsets.UTF_8));

        indexTopic.pipeInput(new TestRecord<>(null, null, headers, START));

        assertThat(driver.getKeyValueStore(ShardMasterTopology.OWNER_INDEX_STORE).approximateNumEntries()).isZero();
    }

    private CompletableFuture<?> send(final int partition, final String markerId) {
        markersSent.add(markerId);
        if (deliverMarkers) {
            final RecordHeaders headers = new RecordHeaders();
            headers.add(OwnerIndexSync.MARKER_HEADER, markerId.getBytes(StandardCharsets.UTF_8));
            indexTopic.pipeInput(new TestRecord<>(null, null, headers, START));
        }
        return CompletableFuture.completedFuture(null);
    }
}
