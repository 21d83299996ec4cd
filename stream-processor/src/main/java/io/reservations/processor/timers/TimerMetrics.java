package io.reservations.processor.timers;

import java.util.OptionalLong;

/** What the timers tell the processor's metrics: holds that start and end, selections open in a partition. */
public interface TimerMetrics {

    /** @param change +1 for a hold whose timer starts here, -1 for one whose timer ends */
    void holdsActive(int change);

    /** A selection started in {@code partition} at {@code startMillis} (wall clock). */
    void selectionStarted(int partition, long startMillis);

    /** The start of the oldest selection still open in {@code partition}; empty: none. */
    void oldestSelection(int partition, OptionalLong startMillis);
}
