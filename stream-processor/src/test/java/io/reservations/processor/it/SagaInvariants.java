package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.auditor.Audit;
import io.reservations.auditor.Violation;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationDecider;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowState;
import io.reservations.topics.TopicReader;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An independent check of the topics as any downstream consumer sees them ({@code read_committed}): it folds
 * the event topics into state and asserts the promises of the design.
 */
public final class SagaInvariants {

    public final Map<String, ReservationState> reservations = new HashMap<>();
    public final Map<String, WindowState> windows = new HashMap<>();
    /** Each event topic in partition order (the order of each entity). */
    public final List<ReservationEvent> reservationEvents;
    public final List<WindowEvent> windowEvents;
    public final Map<String, List<CommandResult>> resultsByCommand;
    public final int events;
    public final int deadLetters;
    private final String bootstrap;
    private final List<ConsumerRecord<String, ReservationEvent>> reservationRecords;
    private final List<ConsumerRecord<String, WindowEvent>> windowRecords;

    private SagaInvariants(final String bootstrap) {
        this.bootstrap = bootstrap;
        this.reservationRecords = TopicReader.readAll(bootstrap,
                Topics.RESERVATION_EVENTS.name(), Topics.RESERVATION_EVENTS.valueSerde().deserializer());
        this.windowRecords = TopicReader.readAll(bootstrap,
                Topics.WINDOW_EVENTS.name(), Topics.WINDOW_EVENTS.valueSerde().deserializer());
        assertNoDuplicates(reservationRecords.stream().map(ConsumerRecord::value).toList());
        assertNoDuplicates(windowRecords.stream().map(ConsumerRecord::value).toList());
        // partition order is each entity's order: fold per key
        for (final ConsumerRecord<String, ReservationEvent> record : reservationRecords) {
            reservations.put(record.key(), ReservationDecider.evolve(reservations.get(record.key()), record.value()));
        }
        for (final ConsumerRecord<String, WindowEvent> record : windowRecords) {
            final WindowState before = windows.get(record.key());
            if (record.value() instanceof ResourceAllocated allocated) {
                final Slot slot = before.resources().stream()
                        .filter(s -> s.id().equals(allocated.resourceId())).findFirst().orElseThrow();
                assertThat(slot.heldBy()).as("%s allocated while held", allocated).isNull();
            }
            windows.put(record.key(), WindowDecider.evolve(before, record.value()));
        }
        this.reservationEvents = reservationRecords.stream().map(ConsumerRecord::value).toList();
        this.windowEvents = windowRecords.stream().map(ConsumerRecord::value).toList();
        resultsByCommand = TopicReader.readAll(bootstrap, Topics.COMMAND_RESULTS.name(),
                        Topics.COMMAND_RESULTS.valueSerde().deserializer()).stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.groupingBy(CommandResult::commandId));
        events = reservationRecords.size() + windowRecords.size();
        deadLetters = TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS.name(),
                Topics.DEAD_LETTERS.valueSerde().deserializer()).size();
    }

    public static SagaInvariants read(final String bootstrap) {
        return new SagaInvariants(bootstrap);
    }

    public void assertExactlyOneResultPerCommand(final Collection<String> sentCommandIds) {
        assertThat(resultsByCommand.keySet()).containsExactlyInAnyOrderElementsOf(sentCommandIds);
        assertThat(resultsByCommand.entrySet()).allSatisfy(entry ->
                assertThat(entry.getValue()).as("results of %s", entry.getKey()).hasSize(1));
    }

    /**
     * For commands that clients may re-send under the same id (a retry with the same {@code Idempotency-Key}):
     * every command has an outcome, one outcome only (a re-sent command has its stored result published again, the
     * same result), and never more result records than times the command was sent.
     *
     * @param timesSent how many records of each command id the command topics hold
     */
    public void assertOneOutcomePerCommand(final Map<String, Integer> timesSent) {
        assertThat(resultsByCommand.keySet()).containsExactlyInAnyOrderElementsOf(timesSent.keySet());
        assertThat(resultsByCommand.entrySet()).allSatisfy(entry -> {
            assertThat(Set.copyOf(entry.getValue())).as("distinct results of %s", entry.getKey()).hasSize(1);
            assertThat(entry.getValue()).as("results of %s", entry.getKey()).hasSizeLessThanOrEqualTo(timesSent.get(entry.getKey()));
        });
    }

    /**
     * The auditor's checks ({@link Audit}, the code the running auditor uses) on the topics of a quiet system, with
     * no grace: no resource held twice; each CONFIRMED or HELD reservation holds exactly what its window says;
     * nothing EXPIRED, CANCELLED or PENDING holds anything; bundles all or none; no free resource while its line
     * waits; no saga past its deadline (the processors' default selection timeout). Beyond them, as a quiet system
     * has it: no reservation holds two resources, and every holder is CONFIRMED, HELD or SELECTING.
     */
    public void assertAllocationsConsistent() {
        final Audit audit = new Audit(Duration.ZERO, Duration.ofSeconds(30));
        final List<Violation> found = new ArrayList<>();
        windowRecords.forEach(record -> found.addAll(audit.window(record.value(), where(record))));
        reservationRecords.forEach(record -> audit.reservation(record.value(), where(record)));
        for (final ConsumerRecord<String, BundleEvent> record : TopicReader.readAll(bootstrap,
                Topics.BUNDLE_EVENTS.name(), Topics.BUNDLE_EVENTS.valueSerde().deserializer())) {
            audit.bundle(record.value(), where(record));
        }
        found.addAll(audit.due(Instant.now()));
        assertThat(found).extracting(Violation::logLine).as("the auditor's findings").isEmpty();

        final Set<String> holders = new HashSet<>();
        for (final WindowState window : windows.values()) {
            for (final Slot slot : window.resources()) {
                if (slot.heldBy() == null) {
                    continue;
                }
                assertThat(holders.add(slot.heldBy())).as("%s holds two resources", slot.heldBy()).isTrue();
                final ReservationState holder = reservations.get(slot.heldBy());
                assertThat(holder).as("holder %s of %s/%s", slot.heldBy(), window.id(), slot.id()).isNotNull();
                assertThat(holder.windowId()).isEqualTo(window.id());
                assertThat(holder.status()).as("status of holder %s", holder.id())
                        .isIn(ReservationStatus.CONFIRMED, ReservationStatus.HELD, ReservationStatus.SELECTING);
            }
        }
    }

    public long count(final ReservationStatus status) {
        return reservations.values().stream().filter(r -> r.status() == status).count();
    }

    public long heldResources() {
        return windows.values().stream().flatMap(w -> w.resources().stream()).filter(s -> !s.available()).count();
    }

    private static String where(final ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static void assertNoDuplicates(final List<?> events) {
        assertThat(events).as("events").doesNotHaveDuplicates();
    }
}
