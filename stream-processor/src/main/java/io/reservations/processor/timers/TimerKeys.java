package io.reservations.processor.timers;

/**
 * Keys of the {@code saga-timers} store: the kind, the due time (epoch millis, zero-padded so that key order is due
 * order), the reservation.
 */
final class TimerKeys {

    static final String HOLD = "h|";
    static final String SELECTION = "s|";
    static final String WAIT = "w|";
    /** A bundle's selection deadline or hold's end: one timer per bundle at a time. */
    static final String BUNDLE = "b|";
    private static final int DUE_DIGITS = 19;

    private TimerKeys() {
    }

    static String of(final String kind, final long dueMillis, final String reservationId) {
        final String due = Long.toString(dueMillis); // never negative: an epoch time
        return kind + "0".repeat(DUE_DIGITS - due.length()) + due + "|" + reservationId;
    }

    /** The first key of that kind's timers due at {@code dueMillis} or later. */
    static String firstDueAt(final String kind, final long dueMillis) {
        return of(kind, dueMillis, "");
    }

    /** Past every key of that kind. */
    static String endOf(final String kind) {
        return kind + "\uffff";
    }

    /** The due time in a key of any kind. */
    static long dueOf(final String key) {
        return Long.parseLong(key.substring(2, 21));
    }

    /** The end of the range of that kind's timers due at {@code nowMillis}. */
    static String lastDueAt(final String kind, final long nowMillis) {
        return of(kind, nowMillis, "\uffff");
    }

    /**
     * Where versions that did not keep a selection's deadline in its reservation's state stored it a second time, to
     * find it again; read (and deleted) only for selections those versions started. Sorts after every kind of timer
     * ('~' follows the letters): never in a range of due timers.
     */
    static String legacyDeadlineOf(final String reservationId) {
        return "~s|" + reservationId;
    }
}
