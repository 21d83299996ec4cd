package io.reservations.api.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic, without a group, on a thread of its own, and hands each record to a handler:
 * from the topic's start (a compacted topic read whole), or from its end as it is when {@link #start} returns.
 * A topic that does not exist yet is looked for once a second (from the start only: the end must be known at once).
 */
public final class TopicFollower implements AutoCloseable {

    public enum From { START, END }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final From from;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread poller;

    public TopicFollower(final KafkaConsumer<String, byte[]> consumer, final String topic, final From from,
                         final Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.from = from;
        this.handler = handler;
    }

    /** Starts reading; from the end, every record written after this returns is handed on. */
    public void start(final String threadName) {
        if (from == From.END && !assigned()) {
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        poller = new Thread(this::run, threadName);
        poller.setDaemon(true);
        poller.start();
    }

    private void run() {
        try {
            while (from == From.START && !assigned()) {
                if (stopped.await(1, TimeUnit.SECONDS)) {
                    return;
                }
            }
            while (stopped.getCount() > 0) {
                consumer.poll(Duration.ofMillis(500)).forEach(handler);
            }
        } catch (final WakeupException | InterruptedException e) {
            // stopping
        } catch (final KafkaException e) {
            LOG.error("Stopped reading {}", topic, e);
        } finally {
            consumer.close();
        }
    }

    /** Assigns every partition, at the start or the end: false when the topic does not exist (yet). */
    private boolean assigned() {
        final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            return false;
        }
        consumer.assign(partitions);
        if (from == From.START) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // the end as of now, not of the first poll
        }
        return true;
    }

    public boolean running() {
        return poller != null && poller.isAlive();
    }

    @Override
    public void close() {
        stopped.countDown();
        consumer.wakeup();
        if (poller != null) {
            try {
                poller.join(Duration.ofSeconds(5).toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
