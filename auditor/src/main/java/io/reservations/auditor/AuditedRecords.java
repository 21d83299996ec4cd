package io.reservations.auditor;

import io.reservations.contract.BundleEvent;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.WindowEvent;
import io.reservations.topics.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes each event record by its topic and hands it to the audit with its place; skips what it cannot read. */
final class AuditedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(AuditedRecords.class);

    private final Deserializer<WindowEvent> windowEvents = Topics.WINDOW_EVENTS.valueSerde().deserializer();
    private final Deserializer<ReservationEvent> reservationEvents =
            Topics.RESERVATION_EVENTS.valueSerde().deserializer();
    private final Deserializer<BundleEvent> bundleEvents = Topics.BUNDLE_EVENTS.valueSerde().deserializer();
    private final Audit audit;
    private final AuditorMetrics metrics;
    private Instant latest = Instant.EPOCH;

    AuditedRecords(final Audit audit, final AuditorMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Returns a violation the record made at once (a resource held twice). */
    List<Violation> apply(final ConsumerRecord<byte[], byte[]> record) {
        final String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        metrics.read();
        if (Instant.ofEpochMilli(record.timestamp()).isAfter(latest)) {
            latest = Instant.ofEpochMilli(record.timestamp());
        }
        try {
            final String topic = record.topic();
            if (topic.equals(Topics.WINDOW_EVENTS.name())) {
                return audit.window(windowEvents.deserialize(topic, record.value()), where);
            }
            if (topic.equals(Topics.RESERVATION_EVENTS.name())) {
                audit.reservation(reservationEvents.deserialize(topic, record.value()), where);
            } else {
                audit.bundle(bundleEvents.deserialize(topic, record.value()), where);
            }
        } catch (final RuntimeException e) {
            metrics.unreadable();
            LOG.warn("The auditor skips {}, which it cannot read: {}", where, e.toString());
        }
        return List.of();
    }

    List<Violation> due(final Instant now) {
        return audit.due(now);
    }

    /** The latest record time read: the audit's clock while it catches up. */
    Instant latest() {
        return latest;
    }
}
