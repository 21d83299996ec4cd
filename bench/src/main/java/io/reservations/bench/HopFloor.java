package io.reservations.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The latency floor of exactly-once hops on this machine: one record at a time, from its producer to a
 * read_committed consumer, through {@code hops} transactions of a minimal Streams app, each forwarding it to
 * another partition (the last to an output topic). A select-resource saga is three such hops.
 */
final class HopFloor {

    private HopFloor() {
    }

    /** Latency in microseconds of {@code records} single records through {@code hops} exactly-once hops. */
    static Histogram measure(final String bootstrap, final int hops, final int records, final long commitMs,
                             final Path stateDir) throws Exception {
        final String prefix = "bench.hops." + UUID.randomUUID();
        final String input = prefix + ".in";
        final String output = prefix + ".out";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(input, Cluster.PARTITIONS, (short) 1),
                    new NewTopic(output, 1, (short) 1))).all().get();
        }
        final Properties props = References.exactlyOnceSettings("bench-hops", bootstrap, commitMs, stateDir);
        final Histogram latency = new Histogram(3);
        try (KafkaStreams streams = new KafkaStreams(topology(input, output), props);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                     new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), new ByteArrayDeserializer())) {
            final TopicPartition out = new TopicPartition(output, 0);
            consumer.assign(List.of(out));
            consumer.seekToBeginning(List.of(out));
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            for (int i = -20; i < records; i++) { // the first 20 warm the path up and are not counted
                final long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(input, "hop-" + i, ByteBuffer.allocate(4).putInt(hops).array())).get();
                awaitOne(consumer, "hop-" + i);
                if (i >= 0) {
                    latency.recordValue((System.nanoTime() - sent) / 1_000);
                }
            }
        }
        return latency;
    }

    private static void awaitOne(final KafkaConsumer<String, byte[]> consumer, final String key) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                if (record.key().startsWith(key)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("A record did not come through the hops within 30 s");
    }

    private static Topology topology(final String input, final String output) {
        final Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), input);
        topology.addProcessor("hop", () -> new Processor<String, byte[], String, byte[]>() {
            private ProcessorContext<String, byte[]> context;

            @Override
            public void init(final ProcessorContext<String, byte[]> processorContext) {
                context = processorContext;
            }

            @Override
            public void process(final Record<String, byte[]> record) {
                final int left = ByteBuffer.wrap(record.value()).getInt() - 1;
                // another key, so most likely another partition: each hop is a transaction of its own
                final Record<String, byte[]> next = new Record<>(record.key() + "'",
                        ByteBuffer.allocate(4).putInt(left).array(), record.timestamp());
                context.forward(next, left == 0 ? "out" : "again");
            }
        }, "in");
        topology.addSink("again", input, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "hop");
        topology.addSink("out", output, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "hop");
        return topology;
    }
}
