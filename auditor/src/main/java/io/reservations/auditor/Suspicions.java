package io.reservations.auditor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * States that break a promise for now, each reported once if it lasts its invariant's grace: steps in flight (a
 * release on its way to the window, a promotion in the same transaction as the release) clear them sooner. A
 * state that clears and comes back is a new episode.
 */
final class Suspicions {

    private record Key(Invariant invariant, String subject) {
    }

    private record Open(Finding finding, Instant since, boolean reported) {
    }

    private record Due(Instant at, Key key, Instant since) {
    }

    private final Map<Key, Open> open = new HashMap<>();
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
    private final Duration grace;

    Suspicions(final Duration grace) {
        this.grace = grace;
    }

    /**
     * Opens a suspicion since the given time, or keeps the one open (its since and records), unless the state it
     * suspects began anew (a deadline that moved).
     */
    void raise(final Finding finding, final Instant since) {
        final Key key = new Key(finding.invariant(), finding.subject());
        final Open current = open.get(key);
        if (current != null && current.since().equals(since)) {
            return;
        }
        if (current != null && finding.invariant() != Invariant.SAGA_PAST_DEADLINE) {
            return;
        }
        open.put(key, new Open(finding, since, false));
        queue.add(new Due(since.plus(grace), key, since));
    }

    void clear(final Invariant invariant, final String subject) {
        open.remove(new Key(invariant, subject));
    }

    /** The suspicions still open past their grace at {@code now}, each once. */
    List<Violation> due(final Instant now) {
        final List<Violation> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
            final Due next = queue.poll();
            final Open current = open.get(next.key());
            if (current != null && !current.reported() && current.since().equals(next.since())) {
                open.put(next.key(), new Open(current.finding(), current.since(), true));
                due.add(current.finding().reported(current.since(), now));
            }
        }
        return due;
    }

    int open() {
        return open.size();
    }
}
