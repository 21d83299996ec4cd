package io.reservations.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches the load while faults are injected: when no command gets its final answer for {@link #STALL}, every
 * service's threads are dumped into its log at once (while the stall lasts, not after the test has failed) and the
 * stall goes into the report once it ends.
 */
final class StallWatch implements AutoCloseable {

    static final Duration STALL = Duration.ofSeconds(30);
    private static final Duration CHECK = Duration.ofSeconds(2);

    private final LongSupplier answers;
    private final Runnable dumpThreads;
    private final Report report;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "stall-watch");
        thread.setDaemon(true);
        return thread;
    });
    private long lastCount;
    private Instant lastProgress = Instant.now();
    private boolean stalled;

    private StallWatch(final LongSupplier answers, final Runnable dumpThreads, final Report report) {
        this.answers = answers;
        this.dumpThreads = dumpThreads;
        this.report = report;
    }

    static StallWatch start(final Ledger ledger, final ReliabilityCluster cluster, final Report report) {
        final StallWatch watch = new StallWatch(ledger::commands, cluster::dumpThreads, report);
        watch.timer.scheduleWithFixedDelay(watch::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private synchronized void check() {
        final long count = answers.getAsLong();
        final Instant now = Instant.now();
        if (count != lastCount) {
            if (stalled) {
                report.stall(lastProgress, Duration.between(lastProgress, now));
                stalled = false;
            }
            lastCount = count;
            lastProgress = now;
        } else if (!stalled && Duration.between(lastProgress, now).compareTo(STALL) >= 0) {
            stalled = true;
            dumpThreads.run();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
