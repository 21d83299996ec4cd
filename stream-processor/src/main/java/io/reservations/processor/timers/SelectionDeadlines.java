package io.reservations.processor.timers;

import static io.reservations.processor.timers.TimerKeys.SELECTION;
import static io.reservations.processor.timers.TimerKeys.legacyDeadlineOf;

import io.reservations.contract.Operation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition's selection deadlines, in memory only: a selection's deadline is already in its reservation's
 * state, which the step that starts the selection stores anyway, so a deadline costs no store write, no changelog
 * record and no partition in the step's transaction (each cross-partition saga wrote two: set, then deleted). When
 * the partition's task starts, they are read back from the reservations in {@code SELECTING} (one scan of the
 * reservations), and from the entries earlier versions kept in {@code saga-timers}, which are deleted as their
 * selections end. A deadline that fired is gone from memory once its write is sent: if the task restarts before the
 * reservation took that write, the reservation is still {@code SELECTING} and the deadline fires again; its master
 * ignores the second one (that selection is no longer pending).
 */
final class SelectionDeadlines {

    private final KeyValueStore<String, SagaTimer> store;
    private final TimersInMemory deadlines;

    /** Reads the open selections' deadlines: one scan of each store, when the partition's task starts. */
    SelectionDeadlines(final KeyValueStore<String, SagaTimer> store,
                       final KeyValueStore<String, ReservationState> reservations) {
        this.store = store;
        this.deadlines = new TimersInMemory(store, SELECTION);
        try (KeyValueIterator<String, ReservationState> all = reservations.all()) {
            all.forEachRemaining(entry -> {
                final ReservationState state = entry.value;
                if (state != null && state.status() == ReservationStatus.SELECTING && state.pendingSelection() != null
                        && state.pendingSelection().deadlineMillis() != null) {
                    final long due = state.pendingSelection().deadlineMillis();
                    deadlines.restore(state.id(), SagaTimer.of(state, Operation.EXPIRE_SELECTION, due));
                }
            });
        }
    }

    /** The deadline of a selection its reservation starts: {@code due}, on the wall clock. */
    void start(final ReservationState selecting, final long due) {
        deadlines.start(selecting.id(), SagaTimer.of(selecting, Operation.EXPIRE_SELECTION, due));
    }

    /** The selection ended before its deadline: found through the deadline its state keeps. */
    void stop(final ReservationState selecting) {
        final Long due = selecting.pendingSelection().deadlineMillis();
        if (due != null) {
            deadlines.stop(selecting.id(), due);
            return;
        }
        final SagaTimer started = store.get(legacyDeadlineOf(selecting.id())); // started by an earlier version
        if (started != null) {
            deadlines.stop(selecting.id(), started.dueMillis());
            store.delete(TimerKeys.of(SELECTION, started.dueMillis(), selecting.id()));
            store.delete(legacyDeadlineOf(selecting.id()));
        }
    }

    /** The deadlines due at {@code nowMillis}, first due first; gone once taken (with an earlier version's entries). */
    List<SagaTimer> takeDue(final long nowMillis) {
        return deadlines.takeDue(nowMillis, earlier -> {
            if (store.get(legacyDeadlineOf(earlier.reservationId())) != null) {
                store.delete(legacyDeadlineOf(earlier.reservationId()));
            }
        });
    }

    /** The first deadline: the oldest selection in flight's. */
    OptionalLong first() {
        return deadlines.first();
    }
}
