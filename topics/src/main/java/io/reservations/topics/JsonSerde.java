package io.reservations.topics;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * One serde for every JSON value, typed by the declared type so that sealed interfaces get their
 * {@code type} discriminator. Bytes that do not decode, or decode into an invalid record, raise
 * {@link SerializationException}; only a null payload (a tombstone) gives null.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(final Class<T> type) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    @Override
    public byte[] serialize(final String topic, final T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (final JacksonException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " for topic " + topic, e);
        }
    }

    @Override
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (final JacksonException e) {
            throw new SerializationException(
                    "Cannot read a " + type.getSimpleName() + " from topic " + topic + ": " + rootMessage(e), e);
        }
    }

    /** The record's own validation message when there is one, else Jackson's message without its source excerpt. */
    private static String rootMessage(final JacksonException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        // typed by constructor; nothing to configure
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
