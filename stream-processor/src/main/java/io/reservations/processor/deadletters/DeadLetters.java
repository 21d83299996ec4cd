package io.reservations.processor.deadletters;

import io.reservations.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a record that cannot be processed to {@code dead-letters}: its bytes as they came, the error in headers. */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final ProcessorContext<String, Object> context;
    private final String sink;
    private final Consumer<String> deadLettered;

    /**
     * @param sink         the topology's node that writes {@code dead-letters}
     * @param deadLettered told the topic of each input record dead-lettered (the metrics)
     */
    public DeadLetters(final ProcessorContext<String, Object> context, final String sink,
                       final Consumer<String> deadLettered) {
        this.context = context;
        this.sink = sink;
        this.deadLettered = deadLettered;
    }

    public void send(final Record<String, byte[]> record, final RecordMetadata source, final Exception error) {
        LOG.warn("Dead-lettering {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), error.getMessage());
        deadLettered.accept(source.topic());
        final Headers headers = new RecordHeaders(record.headers().toArray())
                .add(DeadLetterHeaders.ERROR, utf8(String.valueOf(error.getMessage())))
                .add(DeadLetterHeaders.ERROR_CLASS, utf8(error.getClass().getName()))
                .add(DeadLetterHeaders.TOPIC, utf8(source.topic()))
                .add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(source.partition())))
                .add(DeadLetterHeaders.OFFSET, utf8(Long.toString(source.offset())));
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
                sink);
    }

    private static byte[] utf8(final String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
