package io.reservations.processor.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.ReservationCommand;
import io.reservations.processor.TestStateDirs;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.shard.ShardMasterTopology;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A listing waits until the index's consumer has read past the end it was given and the index's task has
 * processed every record that consumer returned; the task reports each record it processed, markers of earlier
 * versions included, which it does not store. (The consumer's side is played here by the test, as the driver has
 * none: after each poll, the position and the last record returned; the driver's topics have one partition.)
 */
class OwnerIndexSyncTopologyTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
    private static final String APPLICATION_ID = "index-sync-test";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private long committedEnd;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> indexTopic;
    private OwnerIndexSync sync;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        sync = new OwnerIndexSync(partition -> committedEnd, Duration.ofMillis(200), meters);
        driver = new TopologyTestDriver(ReadModelTopology.addTo(ShardMasterTopology.build(
                new ShardMasterOptions(12, Duration.ofHours(24), false, meters), APPLICATION_ID), APPLICATION_ID,
                Duration.ofHours(24), sync), props, START);
        indexTopic = driver.createInputTopic(StoresAndTopics.ownerIndexTopic(APPLICATION_ID),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldAnswerOnceTheConsumerPassedTheEndAndTheTaskProcessedWhatItReturned() {
        final CompletableFuture<Void> listing = sync.reaching(0, 2); // a record at 0, its commit marker at 1
        sync.polled(0, 2, 0);
        assertThat(listing).as("returned, not yet processed").isNotDone();

        indexRecordAt0();

        assertThat(listing).isCompleted();
        assertThat(driver.getKeyValueStore(StoresAndTopics.OWNER_INDEX).get("alice|r1")).isNotNull();
    }

    @Test
    void shouldAnswerAtOnceWhenOnlyMarkersFollowWhatWasProcessed() {
        sync.polled(0, 0, -1);
        indexRecordAt0();
        sync.polled(0, 2, 0);

        assertThat(sync.reaching(0, 2)).as("offset 1 is a transaction marker").isCompleted();
        assertThat(sync.reaching(0, 3)).as("past the end the consumer reached").isNotDone();
    }

    @Test
    void shouldWaitOnTheBrokersCommittedEndAndGiveUpAfterTheTimeout() {
        committedEnd = 5;
        sync.polled(0, 4, -1);

        assertThat(sync.awaitPartition(0)).isFalse();
        assertThat(meters.get("reservations.listings.index_sync").tag("outcome", "timeout").timer().count()).isEqualTo(1);

        sync.polled(0, 5, -1);
        assertThat(sync.awaitPartition(0)).isTrue();
        assertThat(meters.get("reservations.listings.index_sync").tag("outcome", "reached").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldSkipTheMarkerOfAnEarlierVersionAndCountItAsProcessed() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(OwnerIndexSync.MARKER_HEADER, "stale".getBytes(StandardCharsets.UTF_8));
        sync.polled(0, 1, 0);
        final CompletableFuture<Void> listing = sync.reaching(0, 1);

        indexTopic.pipeInput(new TestRecord<>(null, null, headers, START));

        assertThat(driver.getKeyValueStore(StoresAndTopics.OWNER_INDEX).approximateNumEntries()).isZero();
        assertThat(listing).isCompleted();
    }

    /** A reservation of alice's through the shard masters, whose change reaches the index at offset 0. */
    private void indexRecordAt0() {
        final TestInputTopic<String, ReservationCommand> commands = driver.createInputTopic(Topics.RESERVATION_COMMANDS.name(),
                Serdes.String().serializer(), Topics.RESERVATION_COMMANDS.valueSerde().serializer());
        commands.pipeInput("r1", new CreateReservation("c1", "r1", "w", null, "alice"));
    }
}
