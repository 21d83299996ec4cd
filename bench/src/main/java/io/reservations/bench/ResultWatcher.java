package io.reservations.bench;

import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Sees every committed command result from now on and notes when each command completed. */
final class ResultWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> completedAt = new ConcurrentHashMap<>();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    ResultWatcher(final String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        final List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMAND_RESULTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "result-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running.get()) {
            for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                final long now = System.nanoTime();
                final CommandResult result = Topics.COMMAND_RESULTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                completedAt.putIfAbsent(result.commandId(), now);
                (result.status() == CommandStatus.SUCCEEDED ? succeeded : rejected).incrementAndGet();
            }
        }
        consumer.close();
    }

    Long completedAt(final String commandId) {
        return completedAt.get(commandId);
    }

    boolean done(final String commandId) {
        return completedAt.containsKey(commandId);
    }

    long rejected() {
        return rejected.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(5_000);
    }
}
