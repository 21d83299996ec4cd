package io.reservations.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.contract.ReservationStatus;
import io.reservations.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Processes and brokers die under a steady stream of HTTP commands; afterwards an independent verifier checks
 * every promise of the design. {@code -Dreliability.suite=short} (every build) injects one processor kill and one
 * broker kill; {@code full} (mvn verify -Preliability) repeats kills of either processor, kills two brokers and
 * freezes processors with SIGSTOP. Both write poison records and race 200 selections for 20 resources. The figures
 * go to target/reliability/report.md (docs/RELIABILITY.md keeps the last full run).
 */
class FaultInjectionIT {

    private static final int WINDOWS = 24;
    private static final int RESOURCES_PER_WINDOW = 20;
    /**
     * Commands the load must complete between two faults: progress, not a fixed pause, and not a throughput
     * target. On a busy 2-core host seven JVMs completed about 3 commands/s (docs/RELIABILITY.md).
     */
    private static final int COMMANDS_BETWEEN_FAULTS = 100;

    private final boolean full = "full".equals(System.getProperty("reliability.suite", "short"));
    private final Path processorJar = Path.of(System.getProperty("reliability.processorJar",
            "../processor-service/target/processor-service.jar"));
    private final Path apiJar = Path.of(System.getProperty("reliability.apiJar", "../command-api/target/command-api.jar"));
    /** The brokers run from the local service's jar, the only one that carries the Kafka server. */
    private final Path brokerJar = Path.of(System.getProperty("reliability.brokerJar", "../local-service/target/local-service.jar"));
    private final Path dir = Path.of(System.getProperty("reliability.workDir", "target/reliability"))
            .resolve(Instant.now().toString().replace(':', '-'));
    private final Report report = new Report(full ? "full" : "short");

    @Test
    void shouldKeepEveryPromiseWhileProcessorsAndBrokersAreKilled() throws Exception {
        assertThat(processorJar).as("the processor service's jar (mvn package builds it)").exists();
        assertThat(apiJar).as("the REST edge's jar (mvn package builds it)").exists();
        assertThat(brokerJar).as("the local service's jar (mvn package builds it)").exists();
        final Instant started = Instant.now();
        try (ReliabilityCluster cluster = ReliabilityCluster.start(processorJar, apiJar, brokerJar, dir)) {
            report.step("cluster started (3 brokers, 2 processors, 2 API instances)", Duration.between(started, Instant.now()));
            try {
                runLoadFaultsAndVerify(cluster);
            } catch (final Exception | AssertionError failure) {
                cluster.dumpThreads(); // into each service's log, next to what it was doing when the run failed
                throw failure;
            }

            final Instant stopping = Instant.now();
            final boolean clean = cluster.stop();
            report.step("cluster stopped with SIGTERM" + (clean ? ", every process exited by itself" : ": some had to be killed"),
                    Duration.between(stopping, Instant.now()));
            assertThat(clean).as("every process of the cluster exits on SIGTERM").isTrue();
        } finally {
            report.step("whole run", Duration.between(started, Instant.now()));
            report.write(dir.getParent().resolve("report.md"));
        }
    }

    private void runLoadFaultsAndVerify(final ReliabilityCluster cluster) throws Exception {
        // a patient client: a stall is reported (StallWatch) and the verifier still checks every answer it got
        final ApiClient api = cluster.client(Duration.ofMinutes(4));
        final ClusterVerifier verifier = new ClusterVerifier(cluster.brokers().bootstrap(), api);
        verifier.assertTopicsReplicated();
        final List<String> windows = createWindows(api);
        final Ledger ledger = new Ledger();
        final List<PoisonRecords.Written> poison = new ArrayList<>();

        // two seats: one selection in six goes there and waits in its line when both are taken
        assertThat(api.post("/windows", "{\"id\":\"queue-window\",\"resources\":[{\"id\":\"q-0\",\"type\":\"seat\"},"
                + "{\"id\":\"q-1\",\"type\":\"seat\"}]}", "create-queue-window").status()).isEqualTo(201);
        // the busiest window's change stream, connected again from its last id after every fault
        final ChangeWatch changes = cluster.watch("queue-window");
        final LiveAudit audit = LiveAudit.start(cluster.brokers().bootstrap());
        try (CommandLoad load = CommandLoad.start(api, windows, "queue-window", ledger, full ? 8 : 6, 42);
             StallWatch stalls = StallWatch.start(ledger, cluster, report)) {
            progress(ledger);
            poison.addAll(PoisonRecords.write(cluster.brokers().bootstrap(), ReliabilityCluster.PARTITIONS, windows.get(0), "1"));
            for (final Fault fault : full ? fullFaults() : List.of(Fault.KILL_PROCESSOR_1, Fault.KILL_BROKER)) {
                inject(fault, cluster, api, windows.get(0), ledger);
                changes.reconnect();
            }
            poison.addAll(PoisonRecords.write(cluster.brokers().bootstrap(), ReliabilityCluster.PARTITIONS, windows.get(0), "2"));
            progress(ledger);
        }
        report.load(ledger);

        // a client that waits past the processors' selection deadline: every selection of the race gets its answer
        raceForOneWindow(cluster.client(ServiceNode.SELECTION_TIMEOUT.multipliedBy(2)), ledger, 200, 20);

        await("every accepted command has its result").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2)).until(verifier::quiesced);
        await("every hold confirmed, cancelled or expired, every short wait in a line over").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2)).until(verifier::settled);
        final Map<String, Object> figures = new LinkedHashMap<>(verifier.verify(ledger, poison));
        try (changes) {
            await("the change stream has every committed event of its window").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> changes.caughtUp(cluster.brokers().bootstrap(), ReliabilityCluster.PARTITIONS));
            figures.putAll(changes.verify(cluster.brokers().bootstrap(), ReliabilityCluster.PARTITIONS));
        }
        try (audit) {
            figures.putAll(audit.verify());
        }
        report.invariants(figures);

        // after the verifier, so that a slow recovery never hides a broken promise
        assertThat(report.recoveriesOverTarget()).as("faults after which commands took over %s s to complete again",
                Report.RECOVERY_TARGET.toSeconds()).isEmpty();
        assertThat(report.stalls()).as("stretches of %s s or more without any final answer", StallWatch.STALL.toSeconds())
                .isEmpty();
    }

    /** The faults of the full suite: every kind, on either processor and on two brokers. */
    private static List<Fault> fullFaults() {
        return List.of(Fault.KILL_PROCESSOR_1, Fault.KILL_BROKER, Fault.PAUSE_PROCESSOR_2, Fault.KILL_PROCESSOR_2,
                Fault.KILL_PROCESSOR_1, Fault.KILL_BROKER, Fault.PAUSE_PROCESSOR_1, Fault.KILL_PROCESSOR_2);
    }

    enum Fault {
        KILL_PROCESSOR_1, KILL_PROCESSOR_2, PAUSE_PROCESSOR_1, PAUSE_PROCESSOR_2, KILL_BROKER
    }

    private void inject(final Fault fault, final ReliabilityCluster cluster, final ApiClient api, final String windowId,
                        final Ledger ledger) {
        final String tag = fault.name().toLowerCase() + "-" + report.faults();
        switch (fault) {
            case KILL_PROCESSOR_1, KILL_PROCESSOR_2 -> {
                final ServiceNode victim = cluster.processor(fault == Fault.KILL_PROCESSOR_1 ? 0 : 1);
                final List<Integer> partitions = cluster.activePartitions(victim);
                final Instant at = Instant.now();
                victim.process().kill();
                final Duration recovery = RecoveryProbe.measure(api, partitions, windowId, tag, at);
                progress(ledger);
                victim.start();
                victim.awaitReady();
                report.fault("kill -9 " + victim.name(), partitions, recovery, Duration.between(at, Instant.now()));
            }
            case PAUSE_PROCESSOR_1, PAUSE_PROCESSOR_2 -> {
                final ServiceNode victim = cluster.processor(fault == Fault.PAUSE_PROCESSOR_1 ? 0 : 1);
                final List<Integer> partitions = cluster.activePartitions(victim);
                final Instant at = Instant.now();
                victim.process().pause();
                final Duration recovery = RecoveryProbe.measure(api, partitions, windowId, tag, at);
                // frozen past its session: the group has moved on, and the process still believes it owns its tasks
                await(victim.name() + " out of the group").atMost(Duration.ofMinutes(1))
                        .until(() -> !cluster.inGroup(victim));
                progress(ledger);
                final long logMark = victim.process().logLength();
                victim.process().resume();
                // the zombie's next commit is fenced (the group has a newer generation, its transaction has been
                // aborted); it drops its tasks, rejoins and takes tasks again
                await(victim.name() + " back in the group").atMost(Duration.ofMinutes(2))
                        .until(() -> cluster.inGroup(victim));
                final String afterResume = victim.process().logSince(logMark);
                assertThat(afterResume).as("what %s logged once resumed", victim.name())
                        .containsAnyOf("fenced", "TaskMigratedException");
                report.fault("SIGSTOP " + victim.name() + " past its session, then SIGCONT", partitions, recovery,
                        Duration.between(at, Instant.now()));
            }
            case KILL_BROKER -> {
                final BrokerCluster brokers = cluster.brokers();
                // the worst case of a broker kill: the active controller, so the others elect a controller before
                // they fence it and move its leaderships (and the group and transaction coordinators it holds)
                final int nodeId = brokers.activeController();
                final List<Integer> partitions = brokers.partitionsLedBy(Topics.RESERVATION_COMMANDS.name(), nodeId);
                final Instant at = Instant.now();
                brokers.node(nodeId).kill();
                final Duration recovery = RecoveryProbe.measure(api, partitions, windowId, tag, at);
                progress(ledger);
                brokers.node(nodeId).start();
                brokers.awaitAllNodes();
                report.fault("kill -9 broker " + nodeId + " (active controller, leader of " + partitions.size()
                                + " command partitions)",
                        partitions, recovery, Duration.between(at, Instant.now()));
            }
        }
        progress(ledger);
    }

    /** Waits until the clients have had another batch of final answers: the service is making progress. */
    private static void progress(final Ledger ledger) {
        final long target = ledger.commands() + COMMANDS_BETWEEN_FAULTS;
        await("the load makes progress").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.commands() >= target);
    }

    private static List<String> createWindows(final ApiClient api) {
        final String resources = IntStream.range(0, RESOURCES_PER_WINDOW)
                .mapToObj(i -> "{\"id\":\"res-" + i + "\",\"type\":\"" + (i % 2 == 0 ? "seat" : "desk") + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        final List<String> ids = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            final String id = "window-" + w;
            final ApiClient.Answer created = api.post("/windows", "{\"id\":\"" + id + "\",\"resources\":" + resources + "}",
                    "create-" + id);
            assertThat(created.status()).as("create %s: %s", id, created.body()).isEqualTo(201);
            ids.add(id);
        }
        return ids;
    }

    /** Many clients select at once on one window with few resources: every call answers, no resource twice. */
    private void raceForOneWindow(final ApiClient api, final Ledger ledger, final int clients, final int resources) throws Exception {
        final String windowId = "hot-window";
        final String resourceList = IntStream.range(0, resources).mapToObj(i -> "{\"id\":\"hot-" + i + "\",\"type\":\"seat\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(api.post("/windows", "{\"id\":\"" + windowId + "\",\"resources\":" + resourceList + "}", "create-hot").status())
                .isEqualTo(201);
        final ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            final List<String> reservations = IntStream.range(0, clients).mapToObj(i -> "hot-r-" + i).toList();
            CompletableFuture.allOf(reservations.stream().map(id -> CompletableFuture.runAsync(() -> {
                final ApiClient.Answer created = api.post("/reservations",
                        "{\"id\":\"" + id + "\",\"window_id\":\"" + windowId + "\"}", "create-" + id);
                ledger.answered(created);
                assertThat(created.status()).isEqualTo(201);
                ledger.expect(new Ledger.Expected(id, windowId, ReservationStatus.PENDING, null));
            }, pool)).toArray(CompletableFuture[]::new)).get();

            final Instant start = Instant.now();
            final Map<String, ApiClient.Answer> answers = new ConcurrentHashMap<>();
            CompletableFuture.allOf(reservations.stream().map(id -> CompletableFuture.runAsync(() ->
                    answers.put(id, api.post("/reservations/" + id + "/select-resource", "{\"resource_type\":\"seat\"}",
                            "select-" + id)), pool)).toArray(CompletableFuture[]::new)).get();
            final Duration took = Duration.between(start, Instant.now());

            answers.values().forEach(ledger::answered);
            final Map<String, String> confirmed = answers.entrySet().stream().filter(e -> e.getValue().status() == 200)
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue().body().path("selected_resource").path("id").asString()));
            assertThat(answers).as("every call answers").hasSize(clients);
            assertThat(confirmed).as("one confirmation per resource").hasSize(resources);
            assertThat(Set.copyOf(confirmed.values())).as("no resource twice").hasSize(resources);
            assertThat(answers.values().stream().filter(a -> a.status() != 200))
                    .allSatisfy(a -> assertThat(a.code()).isEqualTo("no-resource-available"));
            confirmed.forEach((id, resource) -> ledger.expect(new Ledger.Expected(id, windowId,
                    ReservationStatus.CONFIRMED, resource)));
            report.step(clients + " concurrent selections on one window of " + resources + " resources: all answered, "
                    + resources + " confirmed", took);
        } finally {
            pool.shutdownNow();
        }
    }
}
