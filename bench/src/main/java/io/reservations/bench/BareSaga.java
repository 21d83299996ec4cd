package io.reservations.bench;

import io.reservations.topics.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The bare saga topology, the service's reference: the same three co-partitioned inputs, one processor, two
 * RocksDB stores with JSON values (the window whole), exactly-once v2 and the same-partition fast path; no events,
 * de-duplication, dead letters or results. Runs in this JVM; counts confirmed selections. With the contract's
 * records (a second reference) it also writes the events, the result and the de-duplication entry of every saga
 * (see {@link BareSagaMaster}): the least that any topology keeping DESIGN.md's promises writes.
 */
final class BareSaga {

    private BareSaga() {
    }

    /**
     * @param rate       sagas per second over the burst of selections
     * @param cpuPerSaga milliseconds of CPU per saga of this JVM (the topology and the producer of the burst) and of
     *                   the broker's (the service's JVM, otherwise idle), over the burst
     */
    record Run(double rate, double cpuPerSaga) {
    }

    /**
     * A burst of {@code sagas} selections, windows of 50 resources on other partitions, into a topology that has
     * created its entities first (not counted).
     *
     * @param brokerCpu the CPU time the broker's process has used so far
     */
    static Run run(final String bootstrap, final int sagas, final long commitMs, final Path stateDir,
                   final boolean contractRecords, final Supplier<Duration> brokerCpu) throws Exception {
        return run(bootstrap, sagas, commitMs, stateDir, contractRecords, brokerCpu, 0);
    }

    /**
     * The same selections at a fixed rate instead of a burst: what the topology costs fed as the REST path feeds the
     * service. The broker's process is the service's, which costs something while idle: its CPU over the run counts
     * what it used above its idle rate, measured for five seconds just before.
     *
     * @param perSecond selections per second, 0 for a burst
     */
    static Run run(final String bootstrap, final int sagas, final long commitMs, final Path stateDir,
                   final boolean contractRecords, final Supplier<Duration> brokerCpu, final int perSecond) throws Exception {
        final String prefix = "bench.bare." + UUID.randomUUID();
        final List<String> topics = contractRecords
                ? List.of(prefix + ".reservations", prefix + ".windows", prefix + ".forwards", prefix + ".events", prefix + ".results")
                : List.of(prefix + ".reservations", prefix + ".windows", prefix + ".forwards");
        BareTopics.create(bootstrap, topics);
        final int windows = (sagas + 49) / 50;
        final CountDownLatch created = new CountDownLatch(windows + sagas);
        final CountDownLatch confirmed = new CountDownLatch(sagas);
        final Properties props = References.exactlyOnceSettings("bench-bare", bootstrap, commitMs, stateDir);
        try (KafkaStreams streams = new KafkaStreams(topology(topics, created, confirmed, contractRecords), props);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                     new StringSerializer(), new ByteArraySerializer())) {
            streams.start();
            final List<String> reservations = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                final String window = Cluster.idOn(prefix + "-w" + w, w % Cluster.PARTITIONS);
                send(producer, topics.get(1), window, new BareSagaMaster.Message("create-window", null, window, "seat", null, 50));
                for (int r = 0; r < 50 && reservations.size() < sagas; r++) {
                    final String reservation = Cluster.idOn(prefix + "-w" + w + "-r" + r,
                            (w % Cluster.PARTITIONS + 1 + r % (Cluster.PARTITIONS - 1)) % Cluster.PARTITIONS);
                    send(producer, topics.get(0), reservation, new BareSagaMaster.Message("create-reservation", reservation, window, null, null, 0));
                    reservations.add(reservation);
                }
            }
            producer.flush();
            if (!created.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The bare topology did not create its entities in time");
            }
            final double brokerIdleCores = perSecond > 0 ? idleCores(brokerCpu) : 0;
            final long start = System.nanoTime();
            final Duration cpuBefore = ownCpu().plus(brokerCpu.get());
            for (int i = 0; i < reservations.size(); i++) {
                if (perSecond > 0) {
                    LockSupport.parkNanos(start + i * 1_000_000_000L / perSecond - System.nanoTime());
                }
                send(producer, topics.get(0), reservations.get(i),
                        new BareSagaMaster.Message("select", reservations.get(i), null, "seat", null, 0));
            }
            producer.flush();
            if (!confirmed.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The bare topology did not confirm its selections in time");
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            final double cpuMillis = ownCpu().plus(brokerCpu.get()).minus(cpuBefore).toNanos() / 1e6
                    - brokerIdleCores * seconds * 1000;
            return new Run(sagas / seconds, cpuMillis / sagas);
        }
    }

    private static double idleCores(final Supplier<Duration> cpu) {
        final Duration before = cpu.get();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
        return cpu.get().minus(before).toNanos() / 5e9;
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void send(final KafkaProducer<String, byte[]> producer, final String topic, final String key,
                             final BareSagaMaster.Message message) {
        producer.send(new ProducerRecord<>(topic, key, Json.mapper().writeValueAsBytes(message)));
    }

    private static Topology topology(final List<String> topics, final CountDownLatch created, final CountDownLatch confirmed,
                                     final boolean contractRecords) {
        final Topology topology = new Topology();
        final List<String> sources = new ArrayList<>();
        for (final String topic : topics.subList(0, 3)) {
            sources.add(topic + "-source");
            topology.addSource(topic + "-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic);
        }
        topology.addProcessor("saga", () -> new BareSagaMaster(created, confirmed, contractRecords), sources.toArray(String[]::new));
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("bare-reservations"),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), "saga");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("bare-windows"),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), "saga");
        topology.addSink("forwards", topics.get(2), Serdes.String().serializer(), Serdes.ByteArray().serializer(), "saga");
        if (contractRecords) {
            topology.addSink("events", topics.get(3), Serdes.String().serializer(), Serdes.ByteArray().serializer(), "saga");
            topology.addSink("results", topics.get(4), Serdes.String().serializer(), Serdes.ByteArray().serializer(), "saga");
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("bare-processed"),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), "saga");
        }
        return topology;
    }
}
