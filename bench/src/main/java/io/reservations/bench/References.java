package io.reservations.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** What Kafka itself does on this machine, for scale: a raw producer, and a minimal exactly-once Streams app. */
final class References {

    static final int RECORD_BYTES = 200;
    static final int WARM_RECORDS = Cluster.PARTITIONS;

    private References() {
    }

    /** Creates a fresh topic of 12 partitions and returns its name. */
    /** A fresh topic of 12 partitions, every partition led and written once ({@link #WARM_RECORDS} records). */
    static String topic(final String bootstrap) throws Exception {
        final String name = "bench.reference." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, Cluster.PARTITIONS, (short) 1))).all().get();
            while (admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions().stream()
                    .anyMatch(partition -> partition.leader() == null)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        // an idempotent producer whose first batch meets NOT_LEADER_OR_FOLLOWER on a new partition can retry
        // OUT_OF_ORDER_SEQUENCE_NUMBER for minutes (seen here, twice): one acknowledged record per partition from
        // a plain producer first
        try (KafkaProducer<String, byte[]> warm = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int partition = 0; partition < Cluster.PARTITIONS; partition++) {
                warm.send(new ProducerRecord<>(name, partition, "warm", new byte[RECORD_BYTES])).get();
            }
        }
        return name;
    }

    /** Records of {@value #RECORD_BYTES} bytes per second, acks=all and idempotent like the service's producers. */
    static double rawProducer(final String bootstrap, final String topic, final int records) {
        final byte[] value = new byte[RECORD_BYTES];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            final long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, value));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Settings every reference Streams app shares: a fresh application id, exactly-once v2, the commit interval,
     * the service's short poll and fetch waits, reading its input from the start.
     */
    static Properties exactlyOnceSettings(final String prefix, final String bootstrap, final long commitMs,
                                     final java.nio.file.Path stateDir) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
        props.put(StreamsConfig.POLL_MS_CONFIG, 5);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        props.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), 10);
        return props;
    }

    /**
     * A one-thread exactly-once v2 Streams app doing one RocksDB put per record, over records already in
     * {@code topic}; returns records per second from its first record to its last.
     */
    static double exactlyOnceApp(final String bootstrap, final String topic, final int records, final long commitMs,
                                 final java.nio.file.Path stateDir) throws InterruptedException {
        final AtomicLong first = new AtomicLong();
        final CountDownLatch done = new CountDownLatch(records + WARM_RECORDS);
        final Topology topology = new Topology();
        topology.addSource("source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic);
        topology.addProcessor("put", () -> new Processor<String, byte[], Void, Void>() {
            private KeyValueStore<String, byte[]> store;

            @Override
            public void init(final ProcessorContext<Void, Void> context) {
                store = context.getStateStore("reference-store");
            }

            @Override
            public void process(final Record<String, byte[]> record) {
                first.compareAndSet(0, System.nanoTime());
                store.put(record.key(), record.value());
                done.countDown();
            }
        }, "source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("reference-store"),
                Serdes.String(), Serdes.ByteArray()), "put");
        final Properties props = exactlyOnceSettings("bench-reference", bootstrap, commitMs, stateDir);
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The reference app did not process its records in time");
            }
            return records / ((System.nanoTime() - first.get()) / 1e9);
        }
    }
}
