package io.reservations.processor.shard;

import io.reservations.contract.BundleCommand;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.WindowCommand;
import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns an input record into an {@link Input}, or refuses it with a {@link PoisonRecordException} (or Kafka's
 * {@code SerializationException}) for the dead letters: no key or value, a key that is not the entity's id, a
 * record on a partition its key does not hash to, unreadable JSON.
 */
final class InputDecoder {

    /** Wall-clock time the origin master produced a forward write, for the cross-master latency metric. */
    static final String SENT_AT_HEADER = "fw.sent-at";

    private final JsonSerde<ReservationCommand> reservationCommands = new JsonSerde<>(ReservationCommand.class);
    private final JsonSerde<WindowCommand> windowCommands = new JsonSerde<>(WindowCommand.class);
    private final JsonSerde<BundleCommand> bundleCommands = new JsonSerde<>(BundleCommand.class);
    private final JsonSerde<ForwardWrite> forwardWrites = new JsonSerde<>(ForwardWrite.class);
    private final ShardMasterOptions options;

    InputDecoder(final ShardMasterOptions options) {
        this.options = options;
    }

    Input decode(final Record<String, byte[]> record, final RecordMetadata source) {
        if (record.key() == null) {
            throw new PoisonRecordException("the record has no key; the key must be the entity id");
        }
        if (record.value() == null) {
            throw new PoisonRecordException("the record has no value");
        }
        final int owner = EntityPartitioner.partitionOf(record.key(), options.partitions());
        if (options.rejectMisroutedRecords() && owner != source.partition()) {
            throw new PoisonRecordException("key '" + record.key() + "' belongs to partition " + owner + ", not "
                    + source.partition() + "; produce with the default partitioner");
        }
        final String topic = source.topic();
        final Input input;
        final String entityId;
        if (Topics.RESERVATION_COMMANDS.name().equals(topic)) {
            final ReservationCommand command = reservationCommands.deserialize(topic, record.value());
            input = new Input.ForReservation(command);
            entityId = command.reservationId();
        } else if (Topics.WINDOW_COMMANDS.name().equals(topic)) {
            final WindowCommand command = windowCommands.deserialize(topic, record.value());
            input = new Input.ForWindow(command);
            entityId = command.windowId();
        } else if (Topics.BUNDLE_COMMANDS.name().equals(topic)) {
            final BundleCommand command = bundleCommands.deserialize(topic, record.value());
            input = new Input.ForBundle(command);
            entityId = command.bundleId();
        } else if (Topics.FORWARD_WRITES.name().equals(topic)) {
            final ForwardWrite write = forwardWrites.deserialize(topic, record.value());
            input = new Input.Write(write, sentAt(record.headers().lastHeader(SENT_AT_HEADER)));
            entityId = write.entityId();
        } else {
            throw new PoisonRecordException("unexpected source topic " + topic);
        }
        if (!entityId.equals(record.key())) {
            throw new PoisonRecordException("key '" + record.key() + "' is not the entity id '" + entityId + "'");
        }
        return input;
    }

    private static Long sentAt(final Header header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
        } catch (final NumberFormatException e) {
            return null; // only a metric depends on it
        }
    }
}
