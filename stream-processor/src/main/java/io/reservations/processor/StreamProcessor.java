package io.reservations.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.reservations.processor.deadletters.RefusedOutputs;
import io.reservations.processor.failover.DepartedTransactionWatch;
import io.reservations.processor.query.StoreQueries;
import io.reservations.processor.readmodels.IndexEnds;
import io.reservations.processor.readmodels.OwnerIndexSync;
import io.reservations.processor.readmodels.ReadModelClients;
import io.reservations.processor.readmodels.ReadModelTopology;
import io.reservations.processor.shard.ShardMasterTopology;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.queries.EntityQueries;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processor instance: provisions and checks the topics, then runs two Kafka Streams applications: the shard
 * masters it is assigned (the sagas, exactly once) and the read models that follow them (command status and owner
 * index, at least once, outside the sagas' transactions: {@link ReadModelTopology}).
 */
public final class StreamProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamProcessor.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** How long a listing waits for the owner index to catch up before it reads what the index holds. */
    private static final Duration INDEX_SYNC_TIMEOUT = Duration.ofSeconds(1);

    private final ProcessorSettings settings;
    private final KafkaStreams shardMasters;
    private final KafkaStreams readModels;
    private final IndexEnds indexEnds;
    private final OwnerIndexSync indexSync;
    private final ThreadFailures threadFailures;
    private final DepartedTransactionWatch departed;

    private StreamProcessor(final ProcessorSettings settings, final KafkaStreams shardMasters,
                            final KafkaStreams readModels, final IndexEnds indexEnds, final OwnerIndexSync indexSync,
                            final ThreadFailures threadFailures, final DepartedTransactionWatch departed) {
        this.settings = settings;
        this.shardMasters = shardMasters;
        this.readModels = readModels;
        this.indexEnds = indexEnds;
        this.indexSync = indexSync;
        this.threadFailures = threadFailures;
        this.departed = departed;
    }

    /** Creates missing topics, refuses mismatched partition counts, and starts Kafka Streams. */
    public static StreamProcessor start(final ProcessorSettings settings) {
        return start(settings, Metrics.globalRegistry);
    }

    /** As {@link #start(ProcessorSettings)}, with the processor's and Kafka Streams' metrics in {@code registry}. */
    public static StreamProcessor start(final ProcessorSettings settings, final MeterRegistry registry) {
        final ProcessorTopics topics = ProcessorTopics.provision(settings);
        final short replicationFactor = topics.replicationFactor();
        final int largestRecordBytes = topics.largestRecordBytes();
        final IndexEnds indexEnds = new IndexEnds(settings.clientConfig(), settings.applicationId(), INDEX_SYNC_TIMEOUT);
        final OwnerIndexSync indexSync = new OwnerIndexSync(indexEnds, INDEX_SYNC_TIMEOUT, registry);
        final RefusedOutputs refusedOutputs = new RefusedOutputs(largestRecordBytes);
        final Properties shardMasterProperties = KafkaStreamsProperties.shardMasters(settings, replicationFactor,
                largestRecordBytes, refusedOutputs);
        final KafkaStreams shardMasters = new KafkaStreams(ShardMasterTopology.build(
                settings.shardMasterOptions(registry, refusedOutputs), settings.applicationId()), shardMasterProperties);
        final DepartedTransactionWatch departed = DepartedTransactionWatch.watch(shardMasters, shardMasterProperties,
                settings.clientConfig(), registry);
        final KafkaStreams readModels = new KafkaStreams(ReadModelTopology.build(settings.applicationId(),
                settings.commandRetention(), indexSync), KafkaStreamsProperties.readModels(settings, replicationFactor),
                new ReadModelClients(StoresAndTopics.ownerIndexTopic(settings.applicationId()), indexSync));
        final ThreadFailures threadFailures = new ThreadFailures(Clock.systemUTC(), registry);
        for (final KafkaStreams streams : List.of(shardMasters, readModels)) {
            new KafkaStreamsMetrics(streams).bindTo(registry);
            streams.setUncaughtExceptionHandler(threadFailures);
            streams.start();
        }
        LOG.info("Stream processor {} started against {} ({} partitions)",
                settings.applicationId(), settings.bootstrapServers(), settings.topics().partitions());
        return new StreamProcessor(settings, shardMasters, readModels, indexEnds, indexSync, threadFailures, departed);
    }

    /** The shard masters' application: the sagas and their stores. */
    public KafkaStreams shardMasters() {
        return shardMasters;
    }

    /** The read models' application: the command-status and owner-index stores. */
    public KafkaStreams readModels() {
        return readModels;
    }

    /** The application that holds {@code store}. */
    public KafkaStreams holding(final String store) {
        return ReadModelTopology.holds(store) ? readModels : shardMasters;
    }

    /** The state both applications are in: the less advanced of the two (RUNNING only when both are). */
    public KafkaStreams.State state() {
        final KafkaStreams.State masters = shardMasters.state();
        return masters == KafkaStreams.State.RUNNING ? readModels.state() : masters;
    }

    /** The stream threads that failed lately (each was replaced). */
    public ThreadFailures threadFailures() {
        return threadFailures;
    }

    /** The query interface over partition {@code partition} of the stores, as this instance holds them. */
    public EntityQueries queries(final int partition) {
        return new StoreQueries(shardMasters, readModels, partition, indexSync);
    }

    public ProcessorSettings settings() {
        return settings;
    }

    /** Leaves the group on close, so the partitions move to the other instances at once, not after a timeout. */
    @Override
    public void close() {
        shardMasters.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
        readModels.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
        indexEnds.close();
        departed.close();
        LOG.info("Stream processor {} stopped", settings.applicationId());
    }
}
