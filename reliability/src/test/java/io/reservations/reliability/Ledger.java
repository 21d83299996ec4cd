package io.reservations.reliability;

import io.reservations.contract.ReservationStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients were told: per reservation, the state its final answers promise; per HTTP status, how many
 * final answers; and any answer the contract does not allow.
 */
final class Ledger {

    /** The state a reservation must end in, given the final answers its client received. */
    record Expected(String reservationId, String windowId, ReservationStatus status, String resourceId) {
    }

    private final Map<String, Expected> reservations = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> answersByStatus = new ConcurrentSkipListMap<>();
    private final AtomicLong retried = new AtomicLong();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    void answered(final ApiClient.Answer answer) {
        answersByStatus.computeIfAbsent(answer.status(), status -> new AtomicLong()).incrementAndGet();
        if (answer.attempts() > 1) {
            retried.incrementAndGet();
        }
    }

    void expect(final Expected expected) {
        reservations.put(expected.reservationId(), expected);
    }

    /** The reservation's end is not the client's to know (it waits in a line): the verifier's invariants check it. */
    void unsettled(final String reservationId) {
        reservations.remove(reservationId);
    }

    void violation(final String what) {
        violations.add(what);
    }

    Map<String, Expected> reservations() {
        return reservations;
    }

    Map<Integer, Long> answersByStatus() {
        final Map<Integer, Long> counts = new ConcurrentSkipListMap<>();
        answersByStatus.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    long commands() {
        return answersByStatus.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long retried() {
        return retried.get();
    }

    List<String> violations() {
        return violations;
    }
}
