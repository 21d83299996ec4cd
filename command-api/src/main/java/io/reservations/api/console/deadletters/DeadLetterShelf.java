package io.reservations.api.console.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The newest dead letters (a bounded number, newest first) and every resubmission, as the two readers find them;
 * what the console lists. A resubmission may be read before its dead letter (two topics): it waits here for it.
 */
public final class DeadLetterShelf {

    private final int kept;
    private final ConcurrentSkipListMap<Long, DeadLetter> newest = new ConcurrentSkipListMap<>();
    private final Map<String, Resubmission> resubmissions = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    /** @param kept how many of the newest dead letters to keep at hand (older ones stay in the topic) */
    public DeadLetterShelf(final int kept) {
        this.kept = kept;
    }

    void deadLettered(final DeadLetter deadLetter) {
        newest.put(sequence.incrementAndGet(), deadLetter);
        total.incrementAndGet();
        while (newest.size() > kept) {
            newest.pollFirstEntry();
        }
    }

    void resubmitted(final Resubmission resubmission) {
        resubmissions.put(resubmission.deadLetter(), resubmission);
    }

    /** The newest dead letters first, each with its resubmission when there was one. */
    public List<DeadLetter> newest(final int limit) {
        final List<DeadLetter> found = new ArrayList<>();
        for (final DeadLetter deadLetter : newest.descendingMap().values()) {
            if (found.size() == limit) {
                break;
            }
            found.add(withResubmission(deadLetter));
        }
        return found;
    }

    public Optional<DeadLetter> at(final String position) {
        return newest.values().stream().filter(deadLetter -> deadLetter.position().equals(position)).findFirst()
                .map(this::withResubmission);
    }

    /** Who resubmitted the dead letter at {@code position}, kept or not, when someone did. */
    public Optional<Resubmission> resubmission(final String position) {
        return Optional.ofNullable(resubmissions.get(position));
    }

    /** How many dead letters were read since this instance started (the topic's whole history). */
    public long total() {
        return total.get();
    }

    private DeadLetter withResubmission(final DeadLetter deadLetter) {
        final Resubmission resubmission = resubmissions.get(deadLetter.position());
        return resubmission == null ? deadLetter : deadLetter.resubmitted(resubmission);
    }
}
