package io.reservations.reliability;

import static org.awaitility.Awaitility.await;

import io.reservations.processor.it.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * A real three-node KRaft cluster on loopback, each node a broker and a controller in its own JVM process, run
 * from the Kafka server classes inside the local service's jar. Replication factor 3 and {@code min.insync.replicas=2}
 * by default, so one node may die without losing a write or the controller quorum.
 */
final class BrokerCluster implements AutoCloseable {

    /** As the service's own local broker (LocalKafkaBroker). */
    private static final String TRANSACTION_VERSION = "transaction.version=2";
    /** Any fixed id: every node of one cluster is formatted with it. */
    private static final String CLUSTER_ID = "rEl1aB1L1tyCluSt3rIdQ";
    static final int NODES = 3;

    private final List<JvmProcess> nodes = new ArrayList<>();
    private final List<Integer> clientPorts = new ArrayList<>();
    private final String bootstrap;
    private boolean stoppedCleanly;

    BrokerCluster(final Path brokerJar, final Path dir) {
        final List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            clientPorts.add(FreePorts.take());
            controllerPorts.add(FreePorts.take());
        }
        final String voters = IntStream.range(0, NODES)
                .mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts.get(i)).collect(Collectors.joining(","));
        final Path logback = Logging.writeConfig(dir);
        for (int i = 0; i < NODES; i++) {
            final int nodeId = i + 1;
            final Path nodeDir = dir.resolve("broker-" + nodeId);
            final Path properties = writeProperties(nodeDir, nodeId, clientPorts.get(i), controllerPorts.get(i), voters);
            final List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logback,
                    "-cp", brokerJar.toString());
            format(new JvmProcess("format-" + nodeId,
                    concat(jvm, List.of("-Dloader.main=kafka.tools.StorageTool")),
                    List.of(JvmProcess.SERVICE_JAR_LAUNCHER, "format", "-t", CLUSTER_ID, "-c", properties.toString(),
                            "--feature", TRANSACTION_VERSION, "--ignore-formatted"),
                    nodeDir.resolve("format.log")));
            nodes.add(new JvmProcess("broker-" + nodeId, concat(jvm, List.of("-Dloader.main=kafka.Kafka")),
                    List.of(JvmProcess.SERVICE_JAR_LAUNCHER, properties.toString()), dir.resolve("logs/broker-" + nodeId + ".log")));
        }
        this.bootstrap = clientPorts.stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    private static Path writeProperties(final Path nodeDir, final int nodeId, final int port, final int controllerPort,
                                        final String voters) {
        final String properties = String.join(System.lineSeparator(),
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + nodeDir.resolve("data"),
                "auto.create.topics.enable=false",
                "default.replication.factor=3",
                "min.insync.replicas=2",
                "offsets.topic.replication.factor=3",
                "transaction.state.log.replication.factor=3",
                "transaction.state.log.min.isr=2",
                "unclean.leader.election.enable=false",
                // controlled shutdown hands a stopping broker's leaderships to the others first. Stopping the
                // whole cluster, the last node can never have it approved (no controller quorum is left) and
                // keeps waiting (still after 60 s in a run); the faults are kill -9, which skips it anyway
                "controlled.shutdown.enable=false",
                "group.initial.rebalance.delay.ms=0",
                // the processors' 5 s session (ReliabilityCluster) is below the brokers' default smallest, 6 s
                "group.min.session.timeout.ms=5000",
                // the controller fences a silent broker after this, and only then moves its partitions' leadership
                // and takes it out of their in-sync replicas. A failover must stay well within the processors'
                // transaction timeout (12 s here), or live transactions expire while coordinators move, and within
                // their 5 s session: until the dead broker leaves the in-sync replicas of __consumer_offsets, the
                // group coordinator holds its heartbeat answers (they wait for its pending offset writes), and a
                // processor whose answer it held for a session was dropped from the group (3 s here: fenced at
                // 5.3 s, a 12 s failover; docs/RELIABILITY.md)
                "broker.session.timeout.ms=2000",
                "broker.heartbeat.interval.ms=500",
                // when the dead broker was the active controller, the others first elect a new one: a voter waits
                // the fetch timeout (default 2 s) without word from the leader, then up to the election timeout
                // (default 1 s, randomised) before it stands; a run took 4 s to activate the next controller, which
                // then gave the dead broker a fresh 3 s session before it fenced it (docs/RELIABILITY.md)
                "controller.quorum.fetch.timeout.ms=1000",
                "controller.quorum.election.timeout.ms=500",
                "controller.quorum.election.backoff.max.ms=500",
                // a killed processor's open transaction is aborted soon after it times out, not up to 10 s later
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                // one core per JVM at most here: keep the thread pools small
                "num.network.threads=2",
                "num.io.threads=2",
                "num.recovery.threads.per.data.dir=1",
                "");
        try {
            Files.createDirectories(nodeDir);
            final Path file = nodeDir.resolve("server.properties");
            Files.writeString(file, properties);
            return file;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void format(final JvmProcess storageTool) {
        storageTool.start();
        await("formatting " + storageTool).atMost(Duration.ofMinutes(1)).until(() -> !storageTool.alive());
    }

    void start() {
        nodes.forEach(JvmProcess::start);
        awaitAllNodes();
    }

    /** Waits until every node is registered with the controller quorum and answers clients. */
    void awaitAllNodes() {
        await("all " + NODES + " brokers up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    try (Admin admin = admin()) {
                        return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == NODES;
                    }
                });
    }

    String bootstrap() {
        return bootstrap;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    JvmProcess node(final int nodeId) {
        return nodes.get(nodeId - 1);
    }

    /** The node that is the active controller now (the KRaft quorum's leader). */
    int activeController() {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(15, TimeUnit.SECONDS).leaderId();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partitions of {@code topic} that {@code nodeId} leads. */
    List<Integer> partitionsLedBy(final String topic, final int nodeId) {
        return partitions(topic).stream().filter(p -> p.leader() != null && p.leader().id() == nodeId)
                .map(TopicPartitionInfo::partition).toList();
    }

    private List<TopicPartitionInfo> partitions(final String topic) {
        try (Admin admin = admin()) {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic).partitions();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops every broker with SIGTERM (logs flushed, clean-shutdown markers written) and waits; a node that does
     * not exit within 30 s is killed, and {@link #stoppedCleanly()} says so.
     */
    @Override
    public void close() {
        stoppedCleanly = nodes.parallelStream().map(node -> node.stop(30)).reduce(true, Boolean::logicalAnd);
    }

    boolean stoppedCleanly() {
        return stoppedCleanly;
    }

    private static List<String> concat(final List<String> a, final List<String> b) {
        final List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
