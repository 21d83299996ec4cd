package io.reservations.processor.timers;

import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.HELD;
import static io.reservations.contract.ReservationStatus.PENDING;
import static io.reservations.contract.ReservationStatus.SELECTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.SelectedResource;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.PendingSelection;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.store.StoreSerde;
import io.reservations.processor.store.StoresAndTopics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A selection's deadline: kept in its reservation's state and in memory, no timer entry, read back from the
 * reservations when the task starts; selections started by versions that stored their deadlines still end and expire
 * cleanly, their entries deleted. A check reads no range of deadlines from the store, and holds only from the last
 * check on.
 */
class SagaTimersTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Duration TIMEOUT = ShardMasterOptions.DEFAULT_SELECTION_TIMEOUT;

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final List<KeyValue<ForwardWrite, Long>> sent = new ArrayList<>();
    /** Where each range the timers read from the store starts. */
    private final List<String> rangesRead = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private KeyValueStore<String, SagaTimer> store;
    /** The reservations as their master stores them: a task reads its open selections' deadlines from there. */
    private KeyValueStore<String, ReservationState> reservations;
    private SagaTimers timers;

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(NOW);
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoresAndTopics.TIMERS),
                Serdes.String(), new StoreSerde<>(SagaTimer.class))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(recordingRanges(store));
        reservations = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoresAndTopics.RESERVATIONS),
                Serdes.String(), new StoreSerde<>(ReservationState.class)).withLoggingDisabled().build();
        reservations.init(context.getStateStoreContext(), reservations);
        context.addStateStore(reservations);
        final KeyValueStore<String, BundleState> bundles = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoresAndTopics.BUNDLES), Serdes.String(),
                new StoreSerde<>(BundleState.class)).withLoggingDisabled().build();
        bundles.init(context.getStateStoreContext(), bundles);
        context.addStateStore(bundles);
        timers = startTimers();
    }

    @Test
    void shouldReadNoRangeOfDeadlinesOnACheckAndHoldsAndWaitsOnlyFromTheLastCheckOn() {
        for (int i = 0; i < 100; i++) {
            final ReservationState selecting = timers.track(pending(), selecting(null), NOW + i);
            timers.track(selecting, confirmed(selecting), NOW + i + 40);
        }
        timers.track(pending(), selecting(null), NOW + 200); // one in flight: checks go on
        rangesRead.clear();

        punctuate(NOW + 1_000);
        punctuate(NOW + 2_000);

        // each check takes the holds and the waits due, then finds the next one to arm for: all from the last
        // check's time on (the bundles' timers, like the deadlines, are in memory)
        final List<String> expected = new ArrayList<>();
        for (final long from : List.of(0L, NOW + 1_001, NOW + 1_001, NOW + 2_001)) {
            for (final String kind : List.of(TimerKeys.HOLD, TimerKeys.WAIT)) {
                expected.add(TimerKeys.firstDueAt(kind, from));
            }
        }
        assertThat(rangesRead).noneMatch(from -> from.startsWith(TimerKeys.SELECTION)).containsExactlyElementsOf(expected);
        assertThat(meters.get("reservations.sagas.oldest_open.age").timeGauge().value(TimeUnit.MILLISECONDS))
                .as("the selection in flight is the oldest").isPositive();
    }

    @Test
    void shouldExpireAHoldThatEndsBeforeTheLastCheck() {
        timers.track(pending(), selecting(null), NOW); // keeps checks running
        punctuate(NOW + 5_000);

        timers.track(pending(), held(NOW + 1_000), NOW + 5_100);
        punctuate(NOW + 5_250);
        punctuate(NOW + 5_500);

        assertThat(sent).singleElement().satisfies(due -> {
            assertThat(due.key.operation()).isEqualTo(Operation.EXPIRE_HOLD);
            assertThat(due.value).isEqualTo(NOW + 1_000);
        });
    }

    @Test
    void shouldExpireTheDeadlineOfASelectionOpenWhenTheTaskStarted() {
        reservations.put("r", timers.track(pending(), selecting(null), NOW));
        final long due = reservations.get("r").pendingSelection().deadlineMillis();
        reservations.put("c", confirmed(selecting(due - 1)).withPendingSelection(null)); // not selecting: no deadline

        restartTask(); // on the reservations as they were left
        punctuate(due);

        assertThat(sent).singleElement().satisfies(fired -> {
            assertThat(fired.key.operation()).isEqualTo(Operation.EXPIRE_SELECTION);
            assertThat(fired.key.commandId()).isEqualTo("c1");
            assertThat(fired.value).isEqualTo(due);
        });
    }

    @Test
    void shouldFireADeadlineAgainWhenTheTaskRestartsBeforeItsReservationTookTheFirst() {
        reservations.put("r", timers.track(pending(), selecting(null), NOW));
        final long due = reservations.get("r").pendingSelection().deadlineMillis();
        punctuate(due);

        restartTask(); // the reservation is still SELECTING: its master ignores the second write (Selections.timedOut)
        punctuate(due + 1_000);

        assertThat(sent).extracting(fired -> fired.key.operation())
                .containsExactly(Operation.EXPIRE_SELECTION, Operation.EXPIRE_SELECTION);
    }

    @Test
    void shouldEndASelectionTheLastReleaseStartedAndDeleteItsStoredEntry() {
        final long due = NOW + TIMEOUT.toMillis();
        final ReservationState selecting = selecting(due);
        store.put(selectionKey(due), SagaTimer.of(selecting, Operation.EXPIRE_SELECTION, due)); // as that release did
        reservations.put("r", selecting);
        final SagaTimers restarted = restartTask();

        restarted.track(selecting, confirmed(selecting), NOW + 40);

        assertThat(keys()).isEmpty();
        punctuate(due);
        assertThat(sent).as("read once, from the store and the state, and ended").isEmpty();
    }

    @Test
    void shouldKeepTheDeadlineInTheStateAndWriteNoTimerEntry() {
        final ReservationState selecting = timers.track(pending(), selecting(null), NOW);

        assertThat(selecting.pendingSelection().deadlineMillis()).isEqualTo(NOW + TIMEOUT.toMillis());
        assertThat(keys()).isEmpty();

        timers.track(selecting, confirmed(selecting), NOW + 40);
        punctuate(NOW + TIMEOUT.toMillis());
        assertThat(sent).as("ended before its deadline").isEmpty();
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
        final SagaTimers restarted = restartTask();

        punctuate(due);

        assertThat(sent).singleElement().satisfies(fired -> assertThat(fired.key.commandId()).isEqualTo("c1"));
        assertThat(keys()).isEmpty();
        restarted.track(selecting(null), confirmed(selecting(null)), due + 1);
        assertThat(keys()).isEmpty();
    }

    @Test
    void shouldArmOneCheckAtTheEarliestTimerInsteadOfABeatAndNoneWithoutTimers() {
        context.setCurrentSystemTimeMs(NOW);
        assertThat(armed()).as("no timers, no check").isEmpty();

        final ReservationState selecting = timers.track(pending(), selecting(null), NOW);
        assertThat(armed()).as("at the selection's deadline").containsExactly(TIMEOUT.toMillis());
        timers.track(pending(), held(NOW + 5_000), NOW);
        assertThat(armed()).as("at the hold's end, which comes first").containsExactly(5_000L);
        timers.track(pending(), held(NOW + 100), NOW);
        assertThat(armed()).as("never sooner than one check interval").containsExactly(250L);

        context.setCurrentSystemTimeMs(NOW + 5_000);
        punctuate(NOW + 5_000);
        assertThat(armed()).as("then at the deadline left").containsExactly(TIMEOUT.toMillis() - 5_000);
        timers.track(selecting, confirmed(selecting), NOW + 6_000);
        punctuate(NOW + TIMEOUT.toMillis());
        assertThat(armed()).as("nothing left to check").isEmpty();
    }

    @Test
    void shouldArmACheckAtOnceForAHoldThatFellDueWhileNoProcessorRan() {
        final ReservationState held = held(NOW - 1_000);
        store.put(TimerKeys.of(TimerKeys.HOLD, NOW - 1_000, held.id()),
                SagaTimer.of(held, Operation.EXPIRE_HOLD, NOW - 1_000));
        context.scheduledPunctuators().clear();

        startTimers(); // the task starting on that store: a check one interval from now, not at the hold's time

        assertThat(armed()).containsExactly(250L);
        punctuate(NOW + 250);
        assertThat(sent).singleElement().satisfies(due -> assertThat(due.key.operation()).isEqualTo(Operation.EXPIRE_HOLD));
    }

    /** The timer by due time, and the entry under {@code ~s|<reservation>} that found it again. */
    private void storeDeadlineAsEarlierBuildsDid(final long due) {
        final SagaTimer deadline = new SagaTimer(Operation.EXPIRE_SELECTION, "c1", "r", "w", due, null);
        store.put(selectionKey(due), deadline);
        store.put("~s|r", deadline);
    }

    /** The partition's task again: the last one's checks gone with it. */
    private SagaTimers restartTask() {
        context.scheduledPunctuators().forEach(MockProcessorContext.CapturedPunctuator::cancel);
        return startTimers();
    }

    private SagaTimers startTimers() {
        return new SagaTimers(context, context::currentSystemTimeMs, TIMEOUT, Duration.ofMillis(250),
                new TimerMeters(meters), (write, time) -> sent.add(KeyValue.pair(write, time)));
    }

    @SuppressWarnings("unchecked")
    private KeyValueStore<String, SagaTimer> recordingRanges(final KeyValueStore<String, SagaTimer> real) {
        return (KeyValueStore<String, SagaTimer>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("range")) {
                        rangesRead.add((String) args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (final InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Every armed check, at {@code wallClock} (a check arms the next one). */
    private void punctuate(final long wallClock) {
        new ArrayList<>(context.scheduledPunctuators()).stream().filter(scheduled -> !scheduled.cancelled())
                .forEach(scheduled -> scheduled.getPunctuator().punctuate(wallClock));
    }

    /** The intervals of the checks armed now, in millis. */
    private List<Long> armed() {
        return context.scheduledPunctuators().stream().filter(scheduled -> !scheduled.cancelled())
                .map(scheduled -> scheduled.getInterval().toMillis()).toList();
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

    private static ReservationState held(final long expiresAtMillis) {
        return new ReservationState("h", "w", HELD, new SelectedResource("s2", "seat"),
                new PendingSelection("c2", "seat", null, null, null, null, null), null, Instant.ofEpochMilli(expiresAtMillis));
    }

    private static ReservationState confirmed(final ReservationState selecting) {
        return new ReservationState("r", "w", CONFIRMED, new SelectedResource("s1", "seat"), selecting.pendingSelection());
    }
}
