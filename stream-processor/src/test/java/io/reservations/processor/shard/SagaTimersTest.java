package io.reservations.processor.shard;

import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.SelectedResource;
import io.reservations.processor.domain.PendingSelection;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoreSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A selection's deadline: one timer entry, found again through the deadline its reservation's state keeps; and
 * selections started by a version that kept a second entry per deadline still end and expire cleanly.
 */
class SagaTimersTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Duration TIMEOUT = ShardMasterOptions.DEFAULT_SELECTION_TIMEOUT;

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final List<KeyValue<ForwardWrite, Long>> sent = new ArrayList<>();
    private KeyValueStore<String, SagaTimer> store;
    private SagaTimers timers;

    @BeforeEach
    void start() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ShardMasterTopology.TIMERS_STORE),
                Serdes.String(), new StoreSerde<>(SagaTimer.class))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        timers = new SagaTimers(context, new ShardMasterOptions(12, Duration.ofHours(1), false, meters),
                new ShardMasterMetrics(meters), (write, time) -> sent.add(KeyValue.pair(write, time)));
    }

    @Test
    void shouldKeepTheDeadlineInTheStateAndOneTimerEntryPerSelection() {
        final ReservationState selecting = timers.track(pending(), selecting(null), NOW);

        assertThat(selecting.pendingSelection().deadlineMillis()).isEqualTo(NOW + TIMEOUT.toMillis());
        assertThat(keys()).containsExactly(selectionKey(NOW + TIMEOUT.toMillis()));

        timers.track(selecting, confirmed(selecting), NOW + 40);
        assertThat(keys()).isEmpty();
    }

    @Test
    void shouldExpireASelectionAtItsDeadlineOnce() {
        timers.track(pending(), selecting(null), NOW);

        punctuate(NOW + TIMEOUT.toMillis() - 1);
        assertThat(sent).isEmpty();
        punctuate(NOW + TIMEOUT.toMillis());
        punctuate(NOW + TIMEOUT.toMillis() + 1_000);

        assertThat(sent).singleElement().satisfies(due -> {
            assertThat(due.key.operation()).isEqualTo(Operation.EXPIRE_SELECTION);
            assertThat(due.key.entityId()).isEqualTo("r");
            assertThat(due.value).as("record time: the due time").isEqualTo(NOW + TIMEOUT.toMillis());
        });
        assertThat(keys()).isEmpty();
    }

    @Test
    void shouldEndASelectionStartedByAnEarlierVersionAndDropBothOfItsEntries() {
        final long due = NOW + TIMEOUT.toMillis();
        storeDeadlineAsEarlierBuildsDid(due);

        timers.track(selecting(null), confirmed(selecting(null)), NOW + 40);

        assertThat(keys()).isEmpty();
    }

    @Test
    void shouldExpireASelectionStartedByAnEarlierVersionAndDropBothOfItsEntries() {
        final long due = NOW + TIMEOUT.toMillis();
        storeDeadlineAsEarlierBuildsDid(due);
        final SagaTimers restarted = new SagaTimers(context, new ShardMasterOptions(12, Duration.ofHours(1), false,
                new SimpleMeterRegistry()), new ShardMasterMetrics(new SimpleMeterRegistry()),
                (write, time) -> sent.add(KeyValue.pair(write, time)));

        punctuate(due);

        assertThat(sent).singleElement().satisfies(fired -> assertThat(fired.key.commandId()).isEqualTo("c1"));
        assertThat(keys()).isEmpty();
        restarted.track(selecting(null), confirmed(selecting(null)), due + 1);
        assertThat(keys()).isEmpty();
    }

    /** The timer by due time, and the entry under {@code ~s|<reservation>} that found it again. */
    private void storeDeadlineAsEarlierBuildsDid(final long due) {
        final SagaTimer deadline = new SagaTimer(Operation.EXPIRE_SELECTION, "c1", "r", "w", due);
        store.put(selectionKey(due), deadline);
        store.put("~s|r", deadline);
    }

    private void punctuate(final long wallClock) {
        context.scheduledPunctuators().stream().filter(scheduled -> !scheduled.cancelled())
                .forEach(scheduled -> scheduled.getPunctuator().punctuate(wallClock));
    }

    private List<String> keys() {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, SagaTimer> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static String selectionKey(final long due) {
        return String.format("s|%019d|r", due);
    }

    private static ReservationState pending() {
        return new ReservationState("r", "w", PENDING, null, null);
    }

    private static ReservationState selecting(final Long deadline) {
        return new ReservationState("r", "w", SELECTING, null,
                new PendingSelection("c1", "seat", null, deadline, null, null, null));
    }

    private static ReservationState confirmed(final ReservationState selecting) {
        return new ReservationState("r", "w", CONFIRMED, new SelectedResource("s1", "seat"), selecting.pendingSelection());
    }
}
