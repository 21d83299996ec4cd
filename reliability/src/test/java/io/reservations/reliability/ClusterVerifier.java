package io.reservations.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.it.BundleInvariants;
import io.reservations.processor.it.HoldInvariants;
import io.reservations.processor.it.SagaInvariants;
import io.reservations.processor.it.WaitlistInvariants;
import io.reservations.topics.DeadLetterHeaders;
import io.reservations.topics.TopicReader;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * The independent verifier: it reads every topic as a downstream consumer ({@code read_committed}), the cluster's
 * transaction state through the admin API, and the live stores through the REST API, and checks each promise of
 * the design against what the clients were told.
 */
final class ClusterVerifier {

    private final String bootstrap;
    private final ApiClient api;

    ClusterVerifier(final String bootstrap, final ApiClient api) {
        this.bootstrap = bootstrap;
        this.api = api;
    }

    /**
     * How many records of each command id the command topics hold (a client's retry re-sends its command), leaving
     * out the poison, which must have no result.
     */
    Map<String, Integer> acceptedCommands() {
        final Map<String, Integer> timesSent = new HashMap<>();
        for (final ConsumerRecord<String, byte[]> record : readRaw(Topics.RESERVATION_COMMANDS.name())) {
            if (!record.key().startsWith("poison-")) {
                timesSent.merge(Topics.RESERVATION_COMMANDS.valueSerde().deserializer()
                        .deserialize(record.topic(), record.value()).commandId(), 1, Integer::sum);
            }
        }
        for (final ConsumerRecord<String, byte[]> record : readRaw(Topics.WINDOW_COMMANDS.name())) {
            if (!record.key().startsWith("poison-")) {
                timesSent.merge(Topics.WINDOW_COMMANDS.valueSerde().deserializer()
                        .deserialize(record.topic(), record.value()).commandId(), 1, Integer::sum);
            }
        }
        for (final ConsumerRecord<String, byte[]> record : readRaw(Topics.BUNDLE_COMMANDS.name())) {
            timesSent.merge(Topics.BUNDLE_COMMANDS.valueSerde().deserializer()
                    .deserialize(record.topic(), record.value()).commandId(), 1, Integer::sum);
        }
        return timesSent;
    }

    /** True once every accepted command has its result: the cluster has quiesced. */
    boolean quiesced() {
        final Set<String> results = TopicReader.readAll(bootstrap, Topics.COMMAND_RESULTS.name(), new ByteArrayDeserializer())
                .stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        return results.containsAll(acceptedCommands().keySet());
    }

    /** True once no reservation is HELD: every hold of the load (four seconds) was confirmed, cancelled or expired. */
    /**
     * Whether no hold and no short wait in a line is left: nothing more will change by itself (the long waits, which
     * end in 30 days, change nothing while no resource comes free).
     */
    boolean settled() {
        final SagaInvariants folded = SagaInvariants.read(bootstrap);
        final Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        return folded.count(ReservationStatus.HELD) == 0 && folded.reservations.values().stream()
                .filter(reservation -> reservation.status() == ReservationStatus.WAITLISTED)
                .allMatch(waiting -> waiting.waitlistExpiresAt().isAfter(tomorrow));
    }

    /** Runs every check; returns the figures for the report. */
    Map<String, Object> verify(final Ledger ledger, final Collection<PoisonRecords.Written> poison) {
        final Map<String, Object> figures = new java.util.LinkedHashMap<>();
        final SagaInvariants folded = SagaInvariants.read(bootstrap); // also: no event twice, no allocation of a held resource

        // every accepted command has one outcome (a re-sent one has the same result again), no poison record has one
        final Map<String, Integer> accepted = acceptedCommands();
        folded.assertOneOutcomePerCommand(accepted);
        figures.put("commands (distinct ids)", accepted.size());
        figures.put("command records (retries re-send)", accepted.values().stream().mapToInt(Integer::intValue).sum());
        figures.put("result records", folded.resultsByCommand.values().stream().mapToInt(List::size).sum());
        figures.put("events", folded.events);

        // no resource held twice; CONFIRMED or HELD <=> holds its resource; every holder CONFIRMED, HELD or SELECTING;
        // a hold expires once, not early, and its resource is not released before then unless it was cancelled
        folded.assertAllocationsConsistent();
        assertThat(folded.count(ReservationStatus.SELECTING)).as("sagas left half-way").isZero();
        assertThat(folded.count(ReservationStatus.HELD)).as("holds past their due time").isZero();
        figures.putAll(HoldInvariants.assertHoldsKept(folded));
        // promotions in join order per (window, type); no free resource of a type while its line waits
        figures.putAll(WaitlistInvariants.assertLinesKept(folded));
        // all or none: no item of a rejected, expired or cancelled bundle holds anything, no bundle without outcome
        figures.putAll(BundleInvariants.assertAllOrNone(bootstrap, folded));
        figures.put("reservations", folded.reservations.size());
        figures.put("confirmed", folded.count(ReservationStatus.CONFIRMED));
        figures.put("cancelled", folded.count(ReservationStatus.CANCELLED));
        figures.put("expired", folded.count(ReservationStatus.EXPIRED));
        figures.put("resources held", folded.heldResources());

        // every final answer a client got is what the state says
        assertThat(ledger.violations()).as("answers the contract does not allow").isEmpty();
        for (final Ledger.Expected expected : ledger.reservations().values()) {
            final ReservationState state = folded.reservations.get(expected.reservationId());
            assertThat(state).as("reservation %s a client created", expected.reservationId()).isNotNull();
            assertThat(state.status()).as("status of %s", expected.reservationId()).isEqualTo(expected.status());
            assertThat(state.windowId()).isEqualTo(expected.windowId());
            if (expected.resourceId() != null) {
                assertThat(state.selectedResource().id()).as("resource of %s", expected.reservationId())
                        .isEqualTo(expected.resourceId());
            }
        }
        figures.put("reservations whose answers were checked against the state", ledger.reservations().size());

        // every poison record is dead-lettered exactly once
        final Map<String, Integer> deadLettered = new HashMap<>();
        for (final ConsumerRecord<String, byte[]> dead : readRaw(Topics.DEAD_LETTERS.name())) {
            deadLettered.merge(header(dead, DeadLetterHeaders.TOPIC) + "/" + header(dead, DeadLetterHeaders.PARTITION) + "@"
                    + header(dead, DeadLetterHeaders.OFFSET), 1, Integer::sum);
        }
        for (final PoisonRecords.Written written : poison) {
            assertThat(deadLettered.get(written.topic() + "/" + written.partition() + "@" + written.offset()))
                    .as("dead letters of %s", written).isEqualTo(1);
        }
        assertThat(deadLettered.values()).as("dead letters per source record").allMatch(count -> count == 1);
        figures.put("poison records dead-lettered", poison.size());
        figures.put("dead letters in all", deadLettered.size());

        // no transaction is left open
        figures.put("partitions whose last stable offset = high watermark", assertNoOpenTransaction());

        // the live stores (read through the API) equal the fold of the event topics
        figures.put("entities compared with the live stores", assertStoresEqualFold(folded));
        return figures;
    }

    /** The service's topics are replicated to all three brokers, and a write needs two of them. */
    void assertTopicsReplicated() {
        final List<String> names = Topics.ALL.stream().map(spec -> spec.name()).toList();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    assertThat(description.partitions()).as("partitions of %s", name)
                            .allSatisfy(p -> assertThat(p.replicas()).as("replicas of %s-%d", name, p.partition()).hasSize(3)));
            final List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS).forEach((resource, config) ->
                    assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                            .as("min.insync.replicas of %s", resource.name()).isEqualTo("2"));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private int assertNoOpenTransaction() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            // a processor may still be committing its last step (or a timer's): open transactions must end, soon
            await("no transaction left open").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(admin.listTransactions().all().get(30, TimeUnit.SECONDS))
                            .as("transactions still open")
                            .noneMatch(t -> t.state() == TransactionState.ONGOING
                                    || t.state() == TransactionState.PREPARE_COMMIT
                                    || t.state() == TransactionState.PREPARE_ABORT));
            final Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            final List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            final Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            final var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(30, TimeUnit.SECONDS);
            final var highWatermarks = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all().get(30, TimeUnit.SECONDS);
            for (final TopicPartition partition : partitions) {
                assertThat(stable.get(partition).offset()).as("last stable offset of %s", partition)
                        .isEqualTo(highWatermarks.get(partition).offset());
            }
            return partitions.size();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private int assertStoresEqualFold(final SagaInvariants folded) {
        final ForkJoinPool readers = new ForkJoinPool(8);
        try {
            readers.submit(() -> folded.reservations.values().parallelStream().forEach(this::assertReservationStored))
                    .get(10, TimeUnit.MINUTES);
            readers.submit(() -> folded.windows.values().parallelStream().forEach(this::assertWindowStored))
                    .get(10, TimeUnit.MINUTES);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException | TimeoutException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new IllegalStateException(e);
        } finally {
            readers.shutdown();
        }
        return folded.reservations.size() + folded.windows.size();
    }

    private void assertReservationStored(final ReservationState folded) {
        final ApiClient.Answer stored = api.get("/reservations/" + folded.id());
        assertThat(stored.status()).as("GET /reservations/%s", folded.id()).isEqualTo(200);
        final JsonNode body = stored.body();
        assertThat(body.path("status").asString()).as("stored status of %s", folded.id()).isEqualTo(folded.status().name());
        assertThat(body.path("window_id").asString()).isEqualTo(folded.windowId());
        final String resource = body.path("selected_resource").path("id").asString(null);
        assertThat(resource).as("stored resource of %s", folded.id())
                .isEqualTo(folded.selectedResource() == null ? null : folded.selectedResource().id());
    }

    private void assertWindowStored(final WindowState folded) {
        final ApiClient.Answer stored = api.get("/windows/" + folded.id());
        assertThat(stored.status()).as("GET /windows/%s", folded.id()).isEqualTo(200);
        final Map<String, String> storedHolders = new HashMap<>();
        for (final JsonNode resource : stored.body().path("resources")) {
            storedHolders.put(resource.path("id").asString(), resource.path("held_by").asString(""));
        }
        final Map<String, String> foldedHolders = folded.resources().stream()
                .collect(Collectors.toMap(Slot::id, slot -> slot.heldBy() == null ? "" : slot.heldBy()));
        assertThat(storedHolders).as("stored holders of window %s", folded.id()).isEqualTo(foldedHolders);
    }

    private List<ConsumerRecord<String, byte[]>> readRaw(final String topic) {
        return TopicReader.readAll(bootstrap, topic, new ByteArrayDeserializer());
    }

    private static String header(final ConsumerRecord<String, byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
