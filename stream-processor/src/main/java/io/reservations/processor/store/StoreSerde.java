package io.reservations.processor.store;

import io.reservations.topics.Json;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * Store values in Jackson's Smile format: the contract's records, binary, with shared property names. It still
 * reads the JSON documents earlier versions stored (a Smile value starts with {@code ":)"}, a JSON one with
 * {@code '{'}), so stores and changelogs written before keep working and are rewritten in Smile as they change.
 */
public final class StoreSerde<T> implements Serde<T> {

    private static final SmileMapper SMILE = Json.contract(SmileMapper.builder()).build();

    private final ObjectReader smileReader;
    private final ObjectWriter smileWriter;
    private final ObjectReader jsonReader;

    public StoreSerde(final Class<T> type) {
        this.smileReader = SMILE.readerFor(type);
        this.smileWriter = SMILE.writerFor(type);
        this.jsonReader = Json.mapper().readerFor(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : smileWriter.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return bytes.length > 0 && bytes[0] == '{' ? jsonReader.readValue(bytes) : smileReader.readValue(bytes);
        };
    }
}
