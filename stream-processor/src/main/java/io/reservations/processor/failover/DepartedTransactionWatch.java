package io.reservations.processor.failover;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends, right after a rebalance, the transactions that a departed instance left open. A killed or frozen
 * processor's last transaction holds back everything that reads what it wrote, read_committed (the tasks that
 * move to the others start from its committed offsets, the next saga hop reads its forwards, the API its
 * results), until the broker aborts it after the transaction timeout. The group has already moved its tasks once
 * it is out of the group, so from then on nobody can commit that transaction: this watch aborts it at once, and
 * a processor failover takes a session timeout and a rebalance rather than a transaction timeout.
 *
 * <p>It acts only during a rebalance and for one transaction timeout after it (an instance leaving the group is
 * what starts one), and only on transactions open for {@link #MIN_AGE} or more whose process has no member in
 * the group: a live instance's transactions are never touched, however slow.
 */
public final class DepartedTransactionWatch implements KafkaStreams.StateListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DepartedTransactionWatch.class);
    /** A transaction normally lasts a commit interval plus its commit: far less. */
    static final Duration MIN_AGE = Duration.ofSeconds(2);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    /** Kafka Streams' own transaction timeout under exactly-once. */
    private static final int STREAMS_TRANSACTION_TIMEOUT_MS = 10_000;

    private final DepartedTransactions departed;
    private final GroupTransactions fencer;
    private final Supplier<Optional<UUID>> ownProcess;
    private final Duration watchFor;
    private final Clock clock;
    private final Counter fenced;
    private final ScheduledExecutorService checks;
    private volatile long watchUntil;

    /**
     * @param ownProcess this instance's process id, once its stream threads have one
     * @param watchFor   how long after a rebalance to look: the transaction timeout, after which the broker
     *                   aborts such transactions itself
     */
    DepartedTransactionWatch(final DepartedTransactions departed, final GroupTransactions fencer,
                                    final Supplier<Optional<UUID>> ownProcess, final Duration watchFor,
                                    final Clock clock, final MeterRegistry registry) {
        this.departed = departed;
        this.fencer = fencer;
        this.ownProcess = ownProcess;
        this.watchFor = watchFor;
        this.clock = clock;
        this.fenced = Counter.builder("reservations.processor.departed_transactions_fenced")
                .description("Transactions left open by instances out of the group, aborted without waiting for"
                        + " their timeout").register(registry);
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, departed.applicationId() + "-departed-transactions");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::checkWhileWatching, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Watches {@code shardMasters} (the exactly-once application, before it starts) with the transaction timeout
     * of its producers.
     */
    public static DepartedTransactionWatch watch(final KafkaStreams shardMasters, final Properties properties,
                                                 final Map<String, Object> clientConfig, final MeterRegistry registry) {
        final String applicationId = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        final int transactionTimeoutMs = Integer.parseInt(properties.getOrDefault(
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), STREAMS_TRANSACTION_TIMEOUT_MS).toString());
        final DepartedTransactionWatch watch = new DepartedTransactionWatch(new DepartedTransactions(applicationId),
                new TransactionFencer(clientConfig, applicationId, transactionTimeoutMs),
                () -> shardMasters.metadataForLocalThreads().stream().map(ThreadMetadata::consumerClientId)
                        .map(DepartedTransactions::processIn).flatMap(Optional::stream).findFirst(),
                Duration.ofMillis(transactionTimeoutMs), Clock.systemUTC(), registry);
        shardMasters.setStateListener(watch);
        return watch;
    }

    @Override
    public void onChange(final KafkaStreams.State newState, final KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.REBALANCING) {
            watchUntil = clock.millis() + watchFor.toMillis();
            checks.execute(this::checkWhileWatching); // at once: the stream thread does not wait for it
        }
    }

    private void checkWhileWatching() {
        if (clock.millis() >= watchUntil) {
            return;
        }
        try {
            ownProcess.get().ifPresent(this::check);
        } catch (final RuntimeException notRunning) {
            // Kafka Streams starting or stopping has no thread metadata to give; an exception here would also
            // cancel every later check of the scheduler
            LOG.debug("No process id to compare with yet: {}", notRunning.toString());
        }
    }

    /** Fences every transaction of a departed process that is open now; the ones it fenced. */
    Set<String> check(final UUID own) {
        try {
            final Set<String> toFence = departed.toFence(fencer.openLongerThan(MIN_AGE), fencer.memberClients(), own);
            for (final String transactionalId : toFence) {
                fencer.fence(transactionalId);
                fenced.increment();
                LOG.info("Aborted the open transaction of {}: its instance is no longer in the group", transactionalId);
            }
            return toFence;
        } catch (final Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the next check asks again; the broker's own timeout stays the backstop
            LOG.warn("Could not look for transactions left by departed instances: {}", e.toString());
            return Set.of();
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        fencer.close();
    }
}
