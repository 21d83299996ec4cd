package io.reservations.processor.store;

import io.reservations.processor.domain.Slot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** The values of the {@code window-index} store, by kind of key: Smile records, bitmap blocks, 4-byte positions. */
final class WindowValues {

    private static final Serializer<WindowHeader> HEADER_WRITER = new StoreSerde<>(WindowHeader.class).serializer();
    private static final Deserializer<WindowHeader> HEADER_READER = new StoreSerde<>(WindowHeader.class).deserializer();
    private static final Serializer<Slot> SLOT_WRITER = new StoreSerde<>(Slot.class).serializer();
    private static final Deserializer<Slot> SLOT_READER = new StoreSerde<>(Slot.class).deserializer();

    private WindowValues() {
    }

    static byte[] header(final WindowHeader header) {
        return HEADER_WRITER.serialize(null, header);
    }

    static WindowHeader header(final byte[] bytes) {
        return HEADER_READER.deserialize(null, bytes);
    }

    static byte[] slot(final Slot slot) {
        return SLOT_WRITER.serialize(null, slot);
    }

    static Slot slot(final byte[] bytes) {
        return SLOT_READER.deserialize(null, bytes);
    }

    static byte[] position(final int position) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(position).array();
    }

    /** A holder's entry: the position, then the holding reservation's owner when known. */
    static byte[] holder(final int position, final String owner) {
        final byte[] ownerBytes = owner == null ? new byte[0] : owner.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Integer.BYTES + ownerBytes.length).putInt(position).put(ownerBytes).array();
    }

    static byte[] version(final long version) {
        return ByteBuffer.allocate(Long.BYTES).putLong(version).array();
    }

    /** 0 for a window whose events were all applied before versions were kept. */
    static long version(final byte[] bytes) {
        return bytes == null ? 0 : ByteBuffer.wrap(bytes).getLong();
    }

    static Integer position(final byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes).getInt();
    }

    /** The owner in a holder's entry, or null (unknown for windows migrated from whole documents). */
    static String owner(final byte[] holder) {
        return holder == null || holder.length <= Integer.BYTES ? null
                : new String(holder, Integer.BYTES, holder.length - Integer.BYTES, StandardCharsets.UTF_8);
    }
}
