package io.reservations.api.changes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.api.security.Caller;
import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open change streams of this instance: where a new one starts in {@code window.events} (the partition's
 * committed end), the reader that feeds them, the pool that sends, and a keep-alive comment every 15 s, which also
 * ends a stream whose token has expired.
 */
@Component
public class WindowChangeStreams implements SmartLifecycle {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int SENDERS = 4;

    private final Admin admin;
    private final int partitions;
    private final WindowEventsReader reader;
    private final Set<ChangeStream> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemon("window-changes-send"));
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            daemon("window-changes-keep-alive"));
    private volatile boolean running;

    public WindowChangeStreams(final Admin admin, final KafkaConnection kafka, final ReservationsProperties properties,
                               final MeterRegistry meters) {
        this.admin = admin;
        this.partitions = properties.kafka().partitions();
        this.reader = new WindowEventsReader(() -> {
            final Map<String, Object> config = kafka.clientConfig();
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "window-changes-" + UUID.randomUUID());
            return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        });
        Gauge.builder("reservations.changes.streams", open, Set::size)
                .description("Change streams open on this instance").register(meters);
    }

    /** The partition of {@code window.events} that holds the window's events. */
    private int partitionOf(final String windowId) {
        return EntityPartitioner.partitionOf(windowId, partitions);
    }

    /**
     * Where a stream of the window that starts now begins: the committed end of its partition of
     * {@code window.events}, read before its snapshot is.
     */
    long committedEnd(final String windowId) {
        final TopicPartition topicPartition = new TopicPartition(Topics.WINDOW_EVENTS.name(), partitionOf(windowId));
        try {
            return admin.listOffsets(Map.of(topicPartition, OffsetSpec.latest()),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(topicPartition)
                    .get(5, TimeUnit.SECONDS).offset();
        } catch (final ExecutionException | TimeoutException e) {
            throw ApiException.unavailable("Kafka cannot tell where the window's events end; retry shortly");
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while opening the change stream");
        }
    }

    /** Follows the window from {@code from} for {@code caller} until the client leaves or {@code expiresAt}. */
    void follow(final String windowId, final Caller caller, final ChangeCursor from, final Instant expiresAt,
                final SseEmitter emitter) {
        final ChangeStream stream = new ChangeStream(new WindowEventView(windowId, caller), partitionOf(windowId), from,
                expiresAt, emitter, senders);
        emitter.onCompletion(() -> open.remove(stream));
        open.add(stream);
        reader.follow(stream);
    }

    private void sendKeepAlives() {
        final Instant now = Instant.now();
        open.forEach(stream -> stream.keepAlive(now));
        open.removeIf(ChangeStream::closed);
    }

    @Override
    public void start() {
        reader.start();
        keepAlive.scheduleAtFixedRate(this::sendKeepAlives, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        keepAlive.shutdownNow();
        reader.close();
        open.forEach(stream -> stream.close(SseEmitter.event().name("closing").data("This instance is stopping")));
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemon(final String name) {
        return runnable -> {
            final Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
