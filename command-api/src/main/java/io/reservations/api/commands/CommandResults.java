package io.reservations.api.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.reservations.api.ReservationsProperties;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.contract.CommandResult;
import io.reservations.topics.Topics;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every API instance reads all of {@code command.results} (committed only), so the result of a command reaches
 * the instance that holds its request, whichever processor produced it. Waiting requests hold a future, not a
 * thread. Recent results are kept in a cache bounded in bytes, this instance's accepted commands in one bounded
 * in entries.
 */
@Component
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class CommandResults implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CommandResults.class);

    private final KafkaConnection kafka;
    private final MeterRegistry meters;
    private final Map<String, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();
    private final Cache<String, CommandResult> recent;
    private final Cache<String, Accepted> accepted;
    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaConsumer<String, byte[]> consumer;
    private Thread poller;

    public CommandResults(final KafkaConnection kafka, final ReservationsProperties properties, final MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
        // bounded in bytes: one caller's large windows cannot fill the heap
        this.recent = ResultWeight.cache(properties.api().resultCacheBytes().toBytes());
        this.accepted = Caffeine.newBuilder().maximumSize(properties.api().resultCacheSize()).build();
    }

    /** The future result of a command; register before publishing it, so a fast result is not missed. */
    public CompletableFuture<CommandResult> await(final String commandId) {
        final CommandResult known = recent.getIfPresent(commandId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        final CompletableFuture<CommandResult> future = waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
        final CommandResult arrived = recent.getIfPresent(commandId); // it may have arrived while registering
        if (arrived != null) {
            future.complete(arrived);
            waiting.remove(commandId, future);
        }
        return future;
    }

    /** Stops tracking a command nobody waits for any more; a late result still lands in the cache. */
    public void forget(final String commandId, final CompletableFuture<CommandResult> future) {
        if (!future.isDone()) {
            waiting.remove(commandId, future);
        }
    }

    /** A command this instance published: the digest of its request ("" without one) and who sent it. */
    public record Accepted(String requestHash, String subject) {
    }

    public void accepted(final String commandId, final String requestHash, final String subject) {
        accepted.put(commandId, new Accepted(requestHash == null ? "" : requestHash, subject));
    }

    /** What this instance knows of a command it accepted, or null. */
    public Accepted accepted(final String commandId) {
        return accepted.getIfPresent(commandId);
    }

    public CommandResult recent(final String commandId) {
        return recent.getIfPresent(commandId);
    }

    @Override
    public void start() {
        final Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // results are read_committed: do not let a fetch wait 500 ms in the broker after their commit
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "command-results-" + UUID.randomUUID());
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        final List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMAND_RESULTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        new KafkaClientMetrics(consumer).bindTo(meters);
        // no group: each instance reads every partition, from now on
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        running.set(true);
        poller = new Thread(this::poll, "command-results");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running.get()) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        deliver(Topics.COMMAND_RESULTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
                    } catch (final SerializationException e) {
                        LOG.error("Skipping unreadable result at {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
                    }
                }
            }
        } catch (final WakeupException e) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    void deliver(final CommandResult result) {
        if (result == null) {
            return;
        }
        recent.put(result.commandId(), result);
        final CompletableFuture<CommandResult> future = waiting.remove(result.commandId());
        if (future != null) {
            future.complete(result);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        if (consumer != null) {
            consumer.wakeup();
        }
        if (poller != null) {
            try {
                poller.join(Duration.ofSeconds(5).toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
