package io.reservations.auditor;

import io.micrometer.core.instrument.MeterRegistry;
import io.reservations.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auditor at work: one thread and one consumer that read the three event topics from their beginning as
 * committed ({@code read_committed}, partitions assigned, no group: its state lives in memory and is rebuilt at
 * each start), feed the {@link Audit} and report what it finds: a metric per invariant, one log line each, and the
 * recent findings for the console.
 */
public final class Auditor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);
    private static final int RECENT = 500;
    private static final List<String> TOPICS = List.of(Topics.WINDOW_EVENTS.name(),
            Topics.RESERVATION_EVENTS.name(), Topics.BUNDLE_EVENTS.name());

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AuditedRecords records;
    private final AuditorMetrics metrics;
    private final Clock clock;
    private final Deque<Violation> recent = new ConcurrentLinkedDeque<>();
    private final Thread thread;
    private volatile boolean running = true;

    private Auditor(final AuditorSettings settings, final MeterRegistry meters, final Clock clock) {
        final Map<String, Object> config = settings.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.metrics = new AuditorMetrics(meters);
        this.records = new AuditedRecords(new Audit(settings.grace(), settings.selectionTimeout()), metrics);
        this.clock = clock;
        this.thread = new Thread(this::run, "auditor");
        this.thread.setDaemon(true);
    }

    public static Auditor start(final AuditorSettings settings, final MeterRegistry meters, final Clock clock) {
        final Auditor auditor = new Auditor(settings, meters, clock);
        auditor.thread.start();
        return auditor;
    }

    /** Whether it still reads (it stops only when closed, or on an error it cannot go past). */
    public boolean running() {
        return thread.isAlive();
    }

    /** The latest violations, newest first (at most 500). */
    public List<Violation> recent() {
        return new ArrayList<>(recent);
    }

    private void run() {
        try {
            final List<TopicPartition> partitions = partitionsOnceThere();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    report(records.apply(record));
                }
                final boolean caughtUp = metrics.lag(consumer, partitions);
                // while it catches up, time is what the records say; once caught up, the clock's
                report(records.due(caughtUp ? clock.instant() : records.latest()));
            }
        } catch (final WakeupException | InterruptedException e) {
            if (running) {
                LOG.error("The auditor stopped: {}", e.toString());
            }
        } catch (final RuntimeException e) {
            LOG.error("The auditor stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitionsOnceThere() throws InterruptedException {
        while (running) {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            if (TOPICS.stream().allMatch(topic -> partitions.stream().anyMatch(p -> p.topic().equals(topic)))) {
                return partitions;
            }
            LOG.info("The auditor waits for the event topics {}", TOPICS);
            Thread.sleep(1_000);
        }
        throw new InterruptedException("closed");
    }

    private void report(final List<Violation> violations) {
        for (final Violation violation : violations) {
            LOG.error(violation.logLine());
            metrics.violation(violation.invariant());
            recent.addFirst(violation);
            while (recent.size() > RECENT) {
                recent.pollLast();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
