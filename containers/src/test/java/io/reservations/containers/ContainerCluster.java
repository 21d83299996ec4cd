package io.reservations.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One Kafka broker, stream processors and one command API, each in its own container on one network, from the
 * images docker/build-images.sh made (or the images named by the same variables docker-compose.yml takes).
 */
final class ContainerCluster implements AutoCloseable {

    static final String KAFKA_IMAGE = image("KAFKA_IMAGE", "reservations/kafka:4.3.1");
    static final String PROCESSOR_IMAGE = image("PROCESSOR_IMAGE", "reservations/processor:dev");
    static final String API_IMAGE = image("API_IMAGE", "reservations/api:dev");
    private static final String KAFKA_ALIAS = "kafka:19092";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Network network = Network.newNetwork();
    private final Path keys;
    private final KafkaContainer kafka;
    private final List<GenericContainer<?>> processors = new ArrayList<>();
    private GenericContainer<?> api;

    private ContainerCluster(final Path keys) {
        this.keys = keys;
        this.kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE).asCompatibleSubstituteFor("apache/kafka"))
                .withNetwork(network).withListener(KAFKA_ALIAS)
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("kafka")).withSeparateOutputStreams());
    }

    /** Starts the broker, {@code processorCount} processors one after the other, and the API. */
    static ContainerCluster start(final int processorCount) throws IOException {
        final Path keys = Files.createTempDirectory("container-keys", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwxrwx")); // the services run as 10001
        final ContainerCluster cluster = new ContainerCluster(keys);
        try {
            cluster.kafka.start();
            for (int i = 1; i <= processorCount; i++) {
                final GenericContainer<?> processor = cluster.service(PROCESSOR_IMAGE, "processor-" + i)
                        .withEnv("RESERVATIONS_PROCESSOR_INSTANCE_ID", "processor-" + i)
                        .withEnv("RESERVATIONS_PROCESSOR_ADVERTISED_HOST", "processor-" + i)
                        .withEnv("RESERVATIONS_PROCESSOR_STANDBY_REPLICAS", "1");
                processor.start(); // the first creates the topics and the signing key; the next ones find them
                cluster.processors.add(processor);
            }
            cluster.api = cluster.service(API_IMAGE, "api")
                    .withEnv("RESERVATIONS_DATA_DIR", "/tmp/reservations")
                    .withEnv("RESERVATIONS_API_READ_FROM", IntStream.rangeClosed(1, processorCount)
                            .mapToObj(i -> "http://processor-" + i + ":8080").collect(Collectors.joining(",")));
            cluster.api.start();
            return cluster;
        } catch (final RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private GenericContainer<?> service(final String image, final String name) {
        return new GenericContainer<>(DockerImageName.parse(image)).withNetwork(network).withNetworkAliases(name)
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", KAFKA_ALIAS)
                .withEnv("RESERVATIONS_KAFKA_REPLICATION_FACTOR", "1")
                .withEnv("RESERVATIONS_SECURITY_LOCAL_KEY_DIR", "/keys")
                .withEnv("JAVA_TOOL_OPTIONS", "-Xmx512m")
                .withFileSystemBind(keys.toString(), "/keys", BindMode.READ_WRITE)
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(8080).forStatusCode(200)
                        .withStartupTimeout(STARTUP))
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger(name)).withSeparateOutputStreams());
    }

    /** The broker, as a client on this host reaches it. */
    String bootstrap() {
        return kafka.getBootstrapServers();
    }

    /** The API's base URL on this host. */
    String apiUrl() {
        return "http://" + api.getHost() + ":" + api.getMappedPort(8080);
    }

    /** The admin token the first processor wrote at its start (signed with the key every service shares). */
    String adminToken() {
        return processors.get(0).copyFileFromContainer("/var/lib/reservations/admin-token",
                in -> new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
    }

    /** SIGKILL to processor {@code n} (from 1), as {@code docker kill} sends it. */
    void kill(final int n) {
        DockerClientFactory.instance().client().killContainerCmd(processors.get(n - 1).getContainerId()).exec();
    }

    @Override
    public void close() {
        if (api != null) {
            api.stop();
        }
        processors.forEach(GenericContainer::stop);
        kafka.stop();
        network.close();
    }

    private static String image(final String variable, final String fallback) {
        final String named = System.getenv(variable);
        return named == null || named.isBlank() ? fallback : named;
    }
}
