package io.reservations.processor.timers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.store.StoreSerde;
import io.reservations.processor.store.StoresAndTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bundle's timer: kept in its state and in memory, no timer entry; read back from the bundles when the task
 * starts; the entries the previous build stored still fire or end, and are deleted.
 */
class BundleTimersTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Duration TIMEOUT = ShardMasterOptions.DEFAULT_SELECTION_TIMEOUT;

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final List<KeyValue<ForwardWrite, Long>> sent = new ArrayList<>();
    private KeyValueStore<String, SagaTimer> store;
    private KeyValueStore<String, BundleState> bundles;
    private SagaTimers timers;

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(NOW);
        store = inMemory(StoresAndTopics.TIMERS, new StoreSerde<>(SagaTimer.class));
        inMemory(StoresAndTopics.RESERVATIONS, new StoreSerde<>(ReservationState.class));
        bundles = inMemory(StoresAndTopics.BUNDLES, new StoreSerde<>(BundleState.class));
        timers = startTimers();
    }

    @Test
    void shouldKeepTheDeadlineInTheStateAndWriteNoTimerEntry() {
        final BundleState selecting = timers.bundles().track(null, bundle(BundleStatus.SELECTING, null), NOW);

        assertThat(selecting.dueMillis()).isEqualTo(NOW + TIMEOUT.toMillis());
        timers.bundles().track(selecting, bundle(BundleStatus.CONFIRMED, null), NOW + 80);
        punctuate(NOW + TIMEOUT.toMillis());

        assertThat(keys()).isEmpty();
        assertThat(sent).as("decided before its deadline").isEmpty();
    }

    @Test
    void shouldFireAHoldsEndReadBackFromTheBundleWhenTheTaskStarts() {
        final long end = NOW + 60_000;
        bundles.put("b", timers.bundles().track(bundle(BundleStatus.SELECTING, NOW + TIMEOUT.toMillis()),
                held(end), NOW));
        bundles.put("c", bundle(BundleStatus.CONFIRMED, NOW + 1_000)); // decided: no timer, whatever it kept

        restartTask();
        punctuate(end - 1);
        assertThat(sent).isEmpty();
        punctuate(end);

        assertThat(sent).singleElement().satisfies(fired -> {
            assertThat(fired.key.operation()).isEqualTo(Operation.EXPIRE_BUNDLE);
            assertThat(fired.key.entityId()).isEqualTo("b");
            assertThat(fired.value).as("record time: the due time").isEqualTo(end);
        });
    }

    @Test
    void shouldFireAgainWhenTheTaskRestartsBeforeTheBundleTookTheFirst() {
        bundles.put("b", timers.bundles().track(null, bundle(BundleStatus.SELECTING, null), NOW));
        punctuate(NOW + TIMEOUT.toMillis());

        restartTask(); // still SELECTING: its master ignores the second write (BundleSaga.due)
        punctuate(NOW + TIMEOUT.toMillis() + 1_000);

        assertThat(sent).extracting(fired -> fired.key.operation())
                .containsExactly(Operation.EXPIRE_BUNDLE, Operation.EXPIRE_BUNDLE);
    }

    @Test
    void shouldFireAndDeleteATimerThePreviousBuildStored() {
        final long due = NOW + TIMEOUT.toMillis();
        final BundleState selecting = bundle(BundleStatus.SELECTING, due);
        store.put(TimerKeys.of(TimerKeys.BUNDLE, due, "b"), SagaTimer.of(selecting, due));
        bundles.put("b", selecting);

        restartTask();
        punctuate(due);

        assertThat(sent).as("read from the store and the state, fired once").singleElement()
                .satisfies(fired -> assertThat(fired.key.commandId()).isEqualTo("create-b"));
        assertThat(keys()).isEmpty();
    }

    @Test
    void shouldDeleteATimerThePreviousBuildStoredWhenItsBundleIsDecided() {
        final long due = NOW + TIMEOUT.toMillis();
        final BundleState selecting = bundle(BundleStatus.SELECTING, due);
        store.put(TimerKeys.of(TimerKeys.BUNDLE, due, "b"), SagaTimer.of(selecting, due));
        bundles.put("b", selecting);
        final SagaTimers restarted = restartTask();

        restarted.bundles().track(selecting, bundle(BundleStatus.CONFIRMED, due), NOW + 80);
        punctuate(due);

        assertThat(keys()).isEmpty();
        assertThat(sent).isEmpty();
    }

    private static BundleState bundle(final BundleStatus status, final Long dueMillis) {
        return new BundleState("b", status, "alice", List.of(new BundleItem("r1", "seat", null),
                new BundleItem("r2", "seat", null)), null, null, null, null, "create-b", null, null, dueMillis,
                Instant.ofEpochMilli(NOW));
    }

    private static BundleState held(final long end) {
        final BundleState selecting = bundle(BundleStatus.SELECTING, null);
        return new BundleState("b", BundleStatus.HELD, "alice", selecting.items(), "PT1M", Instant.ofEpochMilli(end),
                null, null, "create-b", null, null, null, Instant.ofEpochMilli(NOW));
    }

    private <V> KeyValueStore<String, V> inMemory(final String name, final Serde<V> serde) {
        final KeyValueStore<String, V> kv = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), serde).withLoggingDisabled().build();
        kv.init(context.getStateStoreContext(), kv);
        context.addStateStore(kv);
        return kv;
    }

    /** The partition's task again: the last one's checks gone with it. */
    private SagaTimers restartTask() {
        context.scheduledPunctuators().forEach(MockProcessorContext.CapturedPunctuator::cancel);
        return startTimers();
    }

    private SagaTimers startTimers() {
        return new SagaTimers(context, context::currentSystemTimeMs, TIMEOUT, Duration.ofMillis(250),
                new TimerMeters(new SimpleMeterRegistry()), (write, time) -> sent.add(KeyValue.pair(write, time)));
    }

    private void punctuate(final long wallClock) {
        new ArrayList<>(context.scheduledPunctuators()).stream().filter(scheduled -> !scheduled.cancelled())
                .forEach(scheduled -> scheduled.getPunctuator().punctuate(wallClock));
    }

    private List<String> keys() {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, SagaTimer> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
