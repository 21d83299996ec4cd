package io.reservations.api.console.deadletters;

import io.reservations.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record that {@code dead-letters} holds, as the console shows it.
 *
 * @param position     where it is in {@code dead-letters}: {@code partition@offset}
 * @param sourceTopic  the topic it came from, where a resubmit sends it back
 * @param source       where it was in that topic: {@code partition@offset}
 * @param value        its bytes as UTF-8 text (JSON when it was readable at all)
 * @param resubmission who sent it back, when; null until someone did
 */
public record DeadLetter(String position, String key, String sourceTopic, String source, String error,
                         String errorClass, String value, Instant deadLetteredAt, Resubmission resubmission) {

    static DeadLetter of(final ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(position(record.partition(), record.offset()), record.key(),
                header(record, DeadLetterHeaders.TOPIC), header(record, DeadLetterHeaders.PARTITION) + "@"
                        + header(record, DeadLetterHeaders.OFFSET), header(record, DeadLetterHeaders.ERROR),
                header(record, DeadLetterHeaders.ERROR_CLASS),
                record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8),
                Instant.ofEpochMilli(record.timestamp()), null);
    }

    public static String position(final int partition, final long offset) {
        return partition + "@" + offset;
    }

    DeadLetter resubmitted(final Resubmission by) {
        return new DeadLetter(position, key, sourceTopic, source, error, errorClass, value, deadLetteredAt, by);
    }

    private static String header(final ConsumerRecord<String, byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
