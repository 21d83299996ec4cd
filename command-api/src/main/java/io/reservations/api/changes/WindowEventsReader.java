package io.reservations.api.changes;

import io.reservations.topics.Topics;
import io.reservations.topics.WindowEventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and one consumer (committed records only, no group) that read {@code window.events} for every open
 * change stream of this instance: only the partitions some stream follows are fetched (the others are paused), from
 * the earliest offset one of their streams still needs; each stream skips what it already has.
 */
final class WindowEventsReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WindowEventsReader.class);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Queue<ChangeStream> joining = new ConcurrentLinkedQueue<>();
    private final Map<Integer, List<ChangeStream>> following = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    WindowEventsReader(final Supplier<Consumer<String, byte[]>> consumers) {
        this.consumers = consumers;
    }

    void start() {
        thread = new Thread(this::run, "window-changes");
        thread.setDaemon(true);
        thread.start();
    }

    /** The stream is sent what its partition holds from its cursor on, as soon as this reader's thread takes it. */
    void follow(final ChangeStream stream) {
        joining.add(stream);
        final Consumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
    }

    private void run() {
        try (Consumer<String, byte[]> opened = consumers.get()) {
            consumer = opened;
            final List<TopicPartition> partitions = awaitPartitions(opened);
            opened.assign(partitions);
            opened.pause(partitions);
            while (stopped.getCount() > 0) {
                takeJoining(opened);
                try {
                    opened.poll(Duration.ofMillis(500)).forEach(this::offer);
                } catch (final WakeupException e) {
                    // a stream joined, or the reader stops
                }
            }
        } catch (final InterruptedException | WakeupException e) {
            // stopping
        } catch (final KafkaException e) {
            LOG.error("Stopped reading {} for the change streams", Topics.WINDOW_EVENTS.name(), e);
        }
    }

    private List<TopicPartition> awaitPartitions(final Consumer<String, byte[]> opened) throws InterruptedException {
        while (true) {
            final List<TopicPartition> partitions = opened.partitionsFor(Topics.WINDOW_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (!partitions.isEmpty() || stopped.await(1, TimeUnit.SECONDS)) {
                return partitions;
            }
        }
    }

    /** New streams in, ended ones out; each followed partition read from the earliest offset a stream needs. */
    private void takeJoining(final Consumer<String, byte[]> opened) {
        final List<Integer> rewind = new ArrayList<>();
        for (ChangeStream stream = joining.poll(); stream != null; stream = joining.poll()) {
            following.computeIfAbsent(stream.partition(), p -> new ArrayList<>()).add(stream);
            rewind.add(stream.partition());
        }
        following.values().forEach(streams -> streams.removeIf(ChangeStream::closed));
        following.entrySet().removeIf(entry -> {
            if (entry.getValue().isEmpty()) {
                opened.pause(List.of(partition(entry.getKey())));
                return true;
            }
            return false;
        });
        for (final int partition : rewind) {
            final List<ChangeStream> streams = following.get(partition);
            if (streams == null) {
                continue; // its one new stream ended already
            }
            final TopicPartition topicPartition = partition(partition);
            final long earliest = streams.stream().mapToLong(stream -> stream.cursor().offset()).min().orElseThrow();
            if (opened.paused().contains(topicPartition) || opened.position(topicPartition) > earliest) {
                opened.seek(topicPartition, earliest);
            }
            opened.resume(List.of(topicPartition));
        }
    }

    private void offer(final ConsumerRecord<String, byte[]> record) {
        final List<ChangeStream> streams = following.get(record.partition());
        if (streams == null) {
            return;
        }
        final long version = WindowEventHeaders.version(record.headers());
        final String owner = WindowEventHeaders.reservationOwner(record.headers());
        streams.forEach(stream -> stream.offer(record.offset(), record.key(), version, record.value(), owner));
    }

    private static TopicPartition partition(final int partition) {
        return new TopicPartition(Topics.WINDOW_EVENTS.name(), partition);
    }

    @Override
    public void close() {
        stopped.countDown();
        final Consumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
