package io.reservations.api.console.rates;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Statistic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The console's key rates, per second over the last sampling interval, from this process's own meters (counters
 * and timers' counts, summed over their tags). A rate whose meter this process does not have (an API without a
 * processor has no saga outcomes) is reported as absent, not as zero.
 */
public final class KeyRates implements AutoCloseable {

    /** What the console shows: label, meter name. */
    static final Map<String, String> SHOWN = shown();

    private final MeterRegistry meters;
    private final Clock clock;
    private final ScheduledExecutorService sampler;
    private volatile Sample last;
    private volatile Rates rates;

    public KeyRates(final MeterRegistry meters, final Clock clock, final Duration every) {
        this.meters = meters;
        this.clock = clock;
        this.last = sample();
        this.rates = new Rates(last.at(), 0, List.of());
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "console-key-rates");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::advance, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The rates over the last complete interval (none before the first one ends). */
    public Rates current() {
        return rates;
    }

    void advance() {
        final Sample now = sample();
        final double seconds = Duration.between(last.at(), now.at()).toMillis() / 1000.0;
        final List<Rate> found = new ArrayList<>();
        SHOWN.forEach((label, meter) -> {
            final Double before = last.totals().get(meter);
            final Double after = now.totals().get(meter);
            found.add(new Rate(label, meter, after == null || before == null || seconds <= 0 ? null
                    : Math.max(0, after - before) / seconds));
        });
        rates = new Rates(now.at(), seconds, found);
        last = now;
    }

    private Sample sample() {
        final Map<String, Double> totals = new LinkedHashMap<>();
        for (final String name : SHOWN.values()) {
            double total = 0;
            boolean present = false;
            for (final Meter meter : meters.find(name).meters()) {
                for (final Measurement measurement : meter.measure()) {
                    if (measurement.getStatistic() == Statistic.COUNT) {
                        total += measurement.getValue();
                        present = true;
                    }
                }
            }
            if (present) {
                totals.put(name, total);
            }
        }
        return new Sample(clock.instant(), totals);
    }

    private static Map<String, String> shown() {
        final Map<String, String> shown = new LinkedHashMap<>();
        shown.put("commands published", "reservations.api.command.publish");
        shown.put("select-resource outcomes", "reservations.select_resource.outcomes");
        shown.put("bundle outcomes", "reservations.bundles.outcomes");
        shown.put("forward writes applied", "reservations.forward_writes.latency");
        shown.put("compensations", "reservations.compensations");
        shown.put("holds expired", "reservations.holds.expired");
        shown.put("dead letters", "reservations.dead_letters");
        shown.put("audit violations", "reservations.audit.violations");
        return Collections.unmodifiableMap(shown);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private record Sample(Instant at, Map<String, Double> totals) {
    }

    /** @param perSecond null where this process has no such meter */
    public record Rate(String label, String meter, Double perSecond) {
    }

    /** @param intervalSeconds the interval the rates are over (0 before the first one ended) */
    public record Rates(Instant at, double intervalSeconds, List<Rate> rates) {
    }
}
