package io.reservations.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The local broker's settings: one node, one replica of everything, threads for a JVM it shares. */
final class LocalBrokerSettings {

    /** Any broker setting as a system property with this prefix, e.g. {@code -Dreservations.local-broker.num.io.threads=4}. */
    static final String SYSTEM_PROPERTY_PREFIX = "reservations.local-broker.";

    private LocalBrokerSettings() {
    }

    /**
     * @param overrides settings on top of the defaults, e.g. more listeners; the system properties above come last
     *                  (operators' last word, as for Kafka Streams)
     */
    static Properties of(final Path logDir, final int port, final Map<String, String> overrides) {
        final Properties config = defaults(logDir, port);
        config.putAll(overrides);
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SYSTEM_PROPERTY_PREFIX))
                .forEach(name -> config.put(name.substring(SYSTEM_PROPERTY_PREFIX.length()), System.getProperty(name)));
        return config;
    }

    private static Properties defaults(final Path logDir, final int port) {
        final Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + (port + 1)),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1)),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.resolve("log").toString()),
                Map.entry("auto.create.topics.enable", "false"),
                // one broker: every internal topic has one replica, or exactly-once never starts
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        // threads for the cores this JVM shares with the processor and the API, not Kafka's 8 + 3 for a broker of
        // its own: on 2 cores, 2 + 1 answered a 400/s open loop at half the p50 with 0.07 cores less, the same at
        // 200/s (docs/PERFORMANCE.md)
        final int cores = Runtime.getRuntime().availableProcessors();
        props.put("num.io.threads", String.valueOf(Math.max(2, cores)));
        props.put("num.network.threads", String.valueOf(Math.max(1, cores / 4)));
        return props;
    }
}
