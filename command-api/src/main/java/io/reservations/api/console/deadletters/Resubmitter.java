package io.reservations.api.console.deadletters;

import io.reservations.api.errors.ApiException;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.topics.ApplicationAcls;
import io.reservations.topics.DeadLetterHeaders;
import io.reservations.topics.Json;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.HttpStatus;

/**
 * Sends a dead letter back to the command topic it came from, as it was or repaired, and records who did it and
 * when in {@code dead-letters.resubmissions}: both in one Kafka transaction of the console's own, so that a
 * resubmit is never left unrecorded. The bytes and headers sent are the topic's (DeadLetterFetch). Forward writes are the
 * processor's own steps: the console does not send them (their sagas end at their deadline).
 */
public final class Resubmitter implements AutoCloseable {

    /** Marks a resubmitted record: the dead letter it came from. */
    public static final String RESUBMITTED_FROM = "resubmitted-from";

    private static final Set<String> RESUBMITTABLE = Set.of(Topics.RESERVATION_COMMANDS.name(),
            Topics.WINDOW_COMMANDS.name(), Topics.BUNDLE_COMMANDS.name());

    private final KafkaConnection kafka;
    private final DeadLetterShelf shelf;
    private final Clock clock;
    private KafkaProducer<String, byte[]> producer;

    public Resubmitter(final KafkaConnection kafka, final DeadLetterShelf shelf, final Clock clock) {
        this.kafka = kafka;
        this.shelf = shelf;
        this.clock = clock;
    }

    /** @param repaired the value to send instead of the original, or null for the original bytes */
    public synchronized Resubmission resubmit(final int partition, final long offset, final byte[] repaired,
                                              final String by) {
        final String position = DeadLetter.position(partition, offset);
        final ConsumerRecord<String, byte[]> dead = DeadLetterFetch.read(kafka, partition, offset);
        final DeadLetter deadLetter = DeadLetter.of(dead);
        final Optional<Resubmission> earlier = shelf.resubmission(position);
        if (earlier.isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "already-resubmitted", "Dead letter " + position
                    + " was resubmitted by " + earlier.get().resubmittedBy() + " at " + earlier.get().resubmittedAt());
        }
        if (!RESUBMITTABLE.contains(deadLetter.sourceTopic())) {
            throw new ApiException(HttpStatus.CONFLICT, "not-resubmittable", "Dead letter " + position + " came from "
                    + deadLetter.sourceTopic() + ": the console resubmits commands only " + RESUBMITTABLE);
        }
        final RecordHeaders headers = new RecordHeaders();
        for (final Header header : dead.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(RESUBMITTED_FROM, (Topics.DEAD_LETTERS.name() + "-" + position).getBytes(StandardCharsets.UTF_8));
        final KafkaProducer<String, byte[]> sender = producer();
        sender.beginTransaction();
        try {
            final RecordMetadata sent = sender.send(new ProducerRecord<>(deadLetter.sourceTopic(), null, dead.key(),
                    repaired == null ? dead.value() : repaired, headers)).get();
            final Resubmission resubmission = new Resubmission(position,
                    sent.topic() + "-" + sent.partition() + "@" + sent.offset(), by, clock.instant(), repaired != null);
            sender.send(new ProducerRecord<>(Topics.DEAD_LETTER_RESUBMISSIONS.name(), position,
                    Json.mapper().writeValueAsBytes(resubmission))).get();
            sender.commitTransaction();
            shelf.resubmitted(resubmission);
            return resubmission;
        } catch (final Exception e) {
            abandon(sender);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw ApiException.unavailable("Could not resubmit " + position + ": " + e.getMessage());
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            final Map<String, Object> config = kafka.clientConfig();
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ApplicationAcls.CONSOLE_TRANSACTIONS + UUID.randomUUID());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES);
            final KafkaProducer<String, byte[]> created = new KafkaProducer<>(config, new StringSerializer(),
                    new ByteArraySerializer());
            try {
                created.initTransactions();
            } catch (final RuntimeException e) {
                created.close(Duration.ZERO);
                throw ApiException.unavailable("Kafka is not taking the console's transactions yet: " + e.getMessage());
            }
            producer = created;
        }
        return producer;
    }

    /** Aborts what was sent; a producer that cannot abort (fenced, or its state unknown) is replaced next time. */
    private void abandon(final KafkaProducer<String, byte[]> sender) {
        try {
            sender.abortTransaction();
        } catch (final RuntimeException e) {
            sender.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
