package io.reservations.processor.timers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the timers tell the metrics, one instance for all the tasks of a topology: holds whose timer runs here, and
 * per partition the start of its oldest selection in flight ({@code reservations.sagas.oldest_open.age}).
 */
public final class TimerMeters {

    private final AtomicLong holdsActive = new AtomicLong();
    /** Per partition of this instance: when its oldest selection in flight started (wall clock). */
    private final Map<Integer, Long> selectionsOpenSince = new ConcurrentHashMap<>();

    public TimerMeters(final MeterRegistry registry) {
        Gauge.builder("reservations.holds.active", holdsActive, AtomicLong::get)
                .description("Holds whose timer runs in this instance (sum over instances)")
                .register(registry);
        TimeGauge.builder("reservations.sagas.oldest_open.age", selectionsOpenSince, TimeUnit.MILLISECONDS,
                        TimerMeters::oldestAgeMillis)
                .description("Age of the oldest selection in flight on this instance's partitions (0 when none):"
                        + " the selection timeout bounds it, unless timers stall")
                .register(registry);
    }

    private static double oldestAgeMillis(final Map<Integer, Long> openSince) {
        final OptionalLong oldest = openSince.values().stream().mapToLong(Long::longValue).min();
        return oldest.isPresent() ? Math.max(0, System.currentTimeMillis() - oldest.getAsLong()) : 0;
    }

    /** A selection started on the partition: the oldest one unless an older one is already in flight. */
    public void selectionStarted(final int partition, final long startMillis) {
        selectionsOpenSince.putIfAbsent(partition, startMillis);
    }

    /** What the partition's timers say now: the start of its oldest selection in flight, if any. */
    public void oldestSelection(final int partition, final OptionalLong startMillis) {
        if (startMillis.isPresent()) {
            selectionsOpenSince.put(partition, startMillis.getAsLong());
        } else {
            selectionsOpenSince.remove(partition);
        }
    }

    /** @param change +1 for a hold whose timer starts here, -1 for one whose timer ends */
    public void holdsActive(final int change) {
        holdsActive.addAndGet(change);
    }
}
