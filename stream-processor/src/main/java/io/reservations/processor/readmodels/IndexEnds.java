package io.reservations.processor.readmodels;

import io.reservations.processor.store.StoresAndTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The ends of the owner-index topic's partitions, asked of the broker (one ListOffsets each, no write): the high
 * watermark, which counts the records of transactions still open, and not the last stable offset. A client that
 * has a command's result saw its transaction's marker on {@code command.results}, but the coordinator writes the
 * markers of the other partitions of that transaction on its own time: the owner-index partition's may come a
 * moment later, and its last stable offset would then end before the change. Past the high watermark, the
 * index's read_committed consumer has seen every transaction that wrote there settled.
 */
public final class IndexEnds implements OwnerIndexSync.Ends, AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final Duration giveUpAfter;

    /** @param clientConfig bootstrap servers and security (a copy is changed) */
    public IndexEnds(final Map<String, Object> clientConfig, final String applicationId, final Duration giveUpAfter) {
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationId + "-index-ends");
        this.admin = Admin.create(config);
        this.topic = StoresAndTopics.ownerIndexTopic(applicationId);
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    public long of(final int partition) throws Exception {
        final TopicPartition indexPartition = new TopicPartition(topic, partition);
        return admin.listOffsets(Map.of(indexPartition, OffsetSpec.latest()),
                        new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .partitionResult(indexPartition).get(giveUpAfter.toMillis(), TimeUnit.MILLISECONDS).offset();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
