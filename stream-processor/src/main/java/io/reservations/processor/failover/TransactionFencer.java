package io.reservations.processor.failover;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the broker knows about the application's transactions and group, and the one way to end a transaction
 * that its producer left open: a new producer with the same transactional id. Its {@code initTransactions()} makes
 * the coordinator abort the open transaction at once (and bump the epoch, so the old producer, if it ever wakes
 * up, is fenced) instead of after the transaction timeout.
 */
public final class TransactionFencer implements GroupTransactions {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final Map<String, Object> clientConfig;
    private final String groupId;
    private final int transactionTimeoutMs;

    /**
     * @param clientConfig         bootstrap servers and security
     * @param groupId              the group of the application's stream threads (its application id)
     * @param transactionTimeoutMs the application's transaction timeout, for the fencing producer
     */
    public TransactionFencer(final Map<String, Object> clientConfig, final String groupId,
                             final int transactionTimeoutMs) {
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, groupId + "-transaction-fencer");
        this.admin = Admin.create(config);
        this.clientConfig = Map.copyOf(clientConfig);
        this.groupId = groupId;
        this.transactionTimeoutMs = transactionTimeoutMs;
    }

    /** On every coordinator. */
    @Override
    public List<String> openLongerThan(final Duration age) throws Exception {
        return admin.listTransactions(new ListTransactionsOptions()
                        .filterStates(List.of(TransactionState.ONGOING)).filterOnDuration(age.toMillis()))
                .all().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .stream().map(TransactionListing::transactionalId).toList();
    }

    @Override
    public List<String> memberClients() throws Exception {
        return admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .members().stream().map(MemberDescription::clientId).toList();
    }

    @Override
    public void fence(final String transactionalId) {
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-transaction-fencer-producer");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, transactionTimeoutMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        // the coordinator answers CONCURRENT_TRANSACTIONS until its abort markers are written
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 20);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
        }
    }

    @Override
    public void close() {
        admin.close(REQUEST_TIMEOUT);
    }
}
