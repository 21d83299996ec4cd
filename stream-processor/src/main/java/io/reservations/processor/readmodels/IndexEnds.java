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

/** The committed ends of the owner-index topic's partitions, asked of the broker (one ListOffsets each, no write). */
public final class IndexEnds implements OwnerIndexSync.CommittedEnds, AutoCloseable {

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
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(indexPartition).get(giveUpAfter.toMillis(), TimeUnit.MILLISECONDS).offset();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
