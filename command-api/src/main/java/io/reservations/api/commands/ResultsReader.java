package io.reservations.api.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.api.kafka.TopicFollower;
import io.reservations.api.kafka.FollowingReader;
import io.reservations.topics.Topics;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Every API instance reads all of {@code command.results} (committed only, from the moment it starts), so the
 * result of a command reaches the instance that holds its request, whichever processor produced it; it decodes
 * only the results of commands it awaits (the record's key is the command id).
 */
@Component
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class ResultsReader extends FollowingReader {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsReader.class);
    private static final int FETCH_MAX_WAIT_MS = 500;

    private final KafkaConnection kafka;
    private final MeterRegistry meters;
    private final CommandResults results;

    public ResultsReader(final KafkaConnection kafka, final MeterRegistry meters, final CommandResults results) {
        this.kafka = kafka;
        this.meters = meters;
        this.results = results;
    }

    @Override
    protected TopicFollower open() {
        final Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a fetch parked in the broker returns as soon as a commit makes a result readable: the wait only bounds how
        // often an idle reader asks. At 10 ms this reader cost an idle service's broker 5 % of a core (PERFORMANCE.md)
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "command-results-" + UUID.randomUUID());
        final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        new KafkaClientMetrics(consumer).bindTo(meters);
        // from now on: a result written before this instance started belongs to no request of it
        final TopicFollower follower = new TopicFollower(consumer, Topics.COMMAND_RESULTS.name(), TopicFollower.From.END, this::read);
        follower.start("command-results");
        return follower;
    }

    private void read(final ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || !results.awaited(record.key())) {
            return; // another instance's command: its key is enough to tell
        }
        try {
            results.deliver(Topics.COMMAND_RESULTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        } catch (final SerializationException e) {
            LOG.error("Skipping unreadable result at {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
        }
    }
}
