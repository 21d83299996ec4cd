package io.reservations.reliability;

import static org.awaitility.Awaitility.await;

import io.reservations.processor.it.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of the service jar in its own JVM, in one role: a processor (Kafka Streams shard masters, plus the
 * reads of what it masters) or an API instance (commands, reads forwarded to the processors).
 */
final class ServiceNode {

    /** The processors' selection deadline in this suite (the service's default is 30 s). */
    static final Duration SELECTION_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JvmProcess process;
    private final int port;
    private final Path dataDir;

    private ServiceNode(final JvmProcess process, final int port, final Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** A processor with a static instance id, so a restart takes its partitions straight back. */
    static ServiceNode processor(final Path processorJar, final Path dir, final String name, final String bootstrap,
                                 final Duration sessionTimeout) {
        return node(processorJar, dir, name, bootstrap, List.of(
                // above the brokers' failover time, so that no live transaction expires while its partitions'
                // leaders or its coordinator move: with 8 s, a transaction open when a broker was killed (new
                // leaders 7 s later) expired, its live processor was fenced and the group stalled for 2 minutes
                // (docs/RELIABILITY.md). A killed processor's open transaction is aborted by the processor that
                // takes its tasks (DepartedTransactionWatch), not after this timeout.
                "-Dreservations.streams.producer.transaction.timeout.ms=12000"), Map.of(
                "reservations.api.enabled", "false",
                "reservations.processor.instance-id", name,
                "reservations.processor.standby-replicas", "1",
                "reservations.processor.session-timeout", sessionTimeout.toMillis() + "ms",
                // seven JVMs on two cores: a window's task got through about 4 allocations a second (one per
                // transaction) in the hot-window race, so its last answers came 50 s after the first; the deadline
                // itself is covered by SagaTimersTopologyTest, this suite checks that no promise is broken
                "reservations.processor.selection-timeout", SELECTION_TIMEOUT.toSeconds() + "s"));
    }

    /** An API instance: the REST edge's jar, which carries no processor; its reads go to {@code processors}. */
    static ServiceNode api(final Path apiJar, final Path dir, final String name, final String bootstrap,
                           final List<ServiceNode> processors) {
        return node(apiJar, dir, name, bootstrap, List.of(), Map.of(
                "reservations.api.read-from", String.join(",", processors.stream().map(ServiceNode::baseUrl).toList())));
    }

    private static ServiceNode node(final Path serviceJar, final Path dir, final String name, final String bootstrap,
                                    final List<String> jvmOptions, final Map<String, String> role) {
        final int port = FreePorts.take();
        final List<String> arguments = new ArrayList<>(List.of("-jar", serviceJar.toString(),
                "--server.port=" + port,
                "--reservations.data-dir=" + dir.resolve(name),
                "--reservations.kafka.bootstrap-servers=" + bootstrap,
                "--reservations.kafka.replication-factor=3",
                // one signing key for the whole cluster: the admin token any instance saves is valid everywhere
                "--reservations.security.local-key-dir=" + dir.resolve("jwt")));
        role.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        final List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        jvm.addAll(jvmOptions);
        return new ServiceNode(new JvmProcess(name, jvm, arguments,
                dir.resolve("logs/" + name + ".log")), port, dir.resolve(name));
    }

    void start() {
        process.start();
    }

    /** Waits for the readiness probe (for a processor: Kafka Streams running or rebalancing). */
    void awaitReady() {
        await(process.name() + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .failFast(() -> {
                    if (!process.alive()) {
                        throw new IllegalStateException(process.name() + " exited; its log ends with:\n" + process.tail(40));
                    }
                })
                .ignoreExceptions().until(() -> HTTP.send(HttpRequest.newBuilder(
                                URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** The admin token the instance saved at start (it signs with the cluster's shared key). */
    String adminToken() {
        try {
            return Files.readString(dataDir.resolve("admin-token")).trim();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    JvmProcess process() {
        return process;
    }

    String name() {
        return process.name();
    }
}
