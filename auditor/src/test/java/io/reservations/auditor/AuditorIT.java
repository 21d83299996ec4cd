package io.reservations.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.topics.KafkaClientSecurity;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import io.reservations.topics.TopicProvisioner;
import io.reservations.topics.TopicSettings;
import io.reservations.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The auditor on a real broker: a double allocation forged straight into window.events is reported within 5 s. */
@ExtendWith(SharedKafkaBroker.class)
class AuditorIT {

    @Test
    void shouldReportAForgedDoubleAllocationWithinFiveSecondsWithItsIdsAndOffsets(final KafkaTestBroker broker)
            throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicProvisioner(admin, new TopicSettings(3, (short) 1, false)).provision(Topics.ALL);
        }
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Auditor auditor = Auditor.start(new AuditorSettings(broker.bootstrapServers(), KafkaClientSecurity.NONE,
                        AuditorSettings.DEFAULT_CLIENT_ID, AuditorSettings.DEFAULT_GRACE, Duration.ofSeconds(30)),
                meters, Clock.systemUTC());
             KafkaProducer<String, WindowEvent> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                     new StringSerializer(), Topics.WINDOW_EVENTS.valueSerde().serializer())) {
            final Instant now = Instant.now();
            send(producer, new WindowCreated("forged-0", now, "w-forged", List.of(new ResourceSpec("s1", "seat"))));
            final RecordMetadata first = send(producer, new ResourceAllocated("forged-1", now, "w-forged", "s1",
                    "seat", "r-first"));
            final RecordMetadata second = send(producer, new ResourceAllocated("forged-2", now, "w-forged", "s1",
                    "seat", "r-second"));

            await().atMost(Duration.ofSeconds(5)).until(() -> meters.counter("reservations.audit.violations",
                    "invariant", "resource-held-twice").count() == 1);
            final String partition = "window.events-" + first.partition() + "@";
            assertThat(auditor.recent()).singleElement().satisfies(violation -> {
                assertThat(violation.entityIds()).containsExactly("w-forged/s1", "r-first", "r-second");
                assertThat(violation.records()).containsExactly(partition + first.offset(),
                        partition + second.offset());
            });
            // what the console reads from a standalone auditor (RemoteAuditorFindings)
            assertThat(MetricsEndpoint.findings(auditor)).startsWith("{").contains("\"running\":true")
                    .contains("\"invariant\":\"resource-held-twice\"")
                    .contains("\"entity_ids\":[\"w-forged/s1\",\"r-first\",\"r-second\"]");
        }
    }

    private static RecordMetadata send(final KafkaProducer<String, WindowEvent> producer, final WindowEvent event)
            throws Exception {
        return producer.send(new ProducerRecord<>(Topics.WINDOW_EVENTS.name(), event.windowId(), event)).get();
    }
}
