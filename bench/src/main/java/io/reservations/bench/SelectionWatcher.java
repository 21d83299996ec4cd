package io.reservations.bench;

import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceSelected;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Sees every committed {@code reservation.events} record from now on and notes when each reservation got its
 * resource ({@code ResourceSelected} or {@code ResourceHeld}): what a downstream consumer sees of a promotion from a
 * line, which answers no command.
 */
final class SelectionWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> selectedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    SelectionWatcher(final String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        final List<TopicPartition> partitions = consumer.partitionsFor(Topics.RESERVATION_EVENTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "selection-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running.get()) {
            for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                final long now = System.nanoTime();
                final ReservationEvent event = Topics.RESERVATION_EVENTS.valueSerde().deserializer()
                        .deserialize(record.topic(), record.value());
                if (event instanceof ResourceSelected || event instanceof ResourceHeld) {
                    selectedAt.putIfAbsent(event.reservationId(), now);
                }
            }
        }
        consumer.close();
    }

    /** When the reservation's resource was seen ({@link System#nanoTime()}), or null. */
    Long selectedAt(final String reservationId) {
        return selectedAt.get(reservationId);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(5_000);
    }
}
