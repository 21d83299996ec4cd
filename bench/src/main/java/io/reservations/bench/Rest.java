package io.reservations.bench;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Synchronous select-resource over HTTP, each on a fresh reservation, as clients would call it ({@link SelectClient}):
 * closed loops of clients and open loops at a fixed rate, with what each run cost both sides.
 */
final class Rest implements AutoCloseable {

    /**
     * One measured run: requests per second, latency in microseconds, answers other than 200, and what it cost: the
     * load generator's and the service's CPU in cores over the run, and the connections the generator opened.
     */
    record Run(double throughput, Histogram latencyMicros, long errors, double generatorCores, double serviceCores,
               int connections) {
    }

    private final SelectClient client;
    private final Supplier<Duration> serviceCpu;

    /**
     * @param maxConnections the connections the generator may hold open at once
     * @param serviceCpu     the CPU time the service has used so far (zero when it runs elsewhere)
     */
    Rest(final String apiUrl, final String token, final int maxConnections, final Supplier<Duration> serviceCpu) {
        this.client = new SelectClient(apiUrl, token, maxConnections);
        this.serviceCpu = serviceCpu;
    }

    String apiUrl() {
        return client.apiUrl();
    }

    String token() {
        return client.token();
    }

    /** {@code clients} threads each send the next request as soon as the last one answered. */
    Run closedLoop(final Iterator<String> reservations, final int clients, final Duration warmup, final Duration duration)
            throws InterruptedException {
        final Recorder recorder = new Recorder(3);
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        reservations.forEachRemaining(queue::add);
        final long measureFrom = System.nanoTime() + warmup.toNanos();
        final long stopAt = measureFrom + duration.toNanos();
        final ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                String reservation;
                while (System.nanoTime() < stopAt && (reservation = queue.poll()) != null) {
                    final long sent = System.nanoTime();
                    final int status = client.select(reservation).join();
                    final long now = System.nanoTime();
                    if (sent >= measureFrom && now <= stopAt) {
                        recorder.recordValue((now - sent) / 1_000);
                        completed.incrementAndGet();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        LockSupport.parkNanos(Math.max(0, measureFrom - System.nanoTime()));
        final Cost cost = new Cost();
        pool.awaitTermination(duration.plus(warmup).toSeconds() + 60, TimeUnit.SECONDS);
        if (queue.isEmpty()) {
            throw new IllegalStateException("Ran out of prepared reservations: prepare more for this rate");
        }
        return cost.run(completed.get() / (duration.toNanos() / 1e9), recorder.getIntervalHistogram(), errors.get());
    }

    /**
     * Requests at a fixed rate whatever the answers take, each latency measured from the moment it was due, so a
     * stall shows up in every request it delays (no coordinated omission).
     */
    Run openLoop(final List<String> reservations, final int perSecond, final Duration warmup, final Duration duration) {
        final Recorder recorder = new Recorder(3);
        final AtomicLong errors = new AtomicLong();
        final AtomicLong measured = new AtomicLong();
        final long periodNanos = 1_000_000_000L / perSecond;
        final long start = System.nanoTime();
        final long measureFrom = start + warmup.toNanos();
        final long stopAt = measureFrom + duration.toNanos();
        Cost cost = null;
        final int total = (int) ((stopAt - start) / periodNanos);
        if (total > reservations.size()) {
            throw new IllegalStateException("Need " + total + " prepared reservations, have " + reservations.size());
        }
        final CompletableFuture<?>[] calls = new CompletableFuture<?>[total];
        for (int i = 0; i < total; i++) {
            final long due = start + i * periodNanos;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(Math.max(1_000, due - System.nanoTime()));
            }
            final boolean counted = due >= measureFrom;
            if (counted && cost == null) {
                cost = new Cost();
            }
            calls[i] = client.select(reservations.get(i)).thenAccept(status -> {
                if (counted) {
                    recorder.recordValue((System.nanoTime() - due) / 1_000);
                    measured.incrementAndGet();
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        CompletableFuture.allOf(calls).orTimeout(120, TimeUnit.SECONDS).join();
        return (cost != null ? cost : new Cost()).run(measured.get() / (duration.toNanos() / 1e9), recorder.getIntervalHistogram(), errors.get());
    }

    /** The CPU both sides used over the measured part of a run, and the connections open at its end. */
    private final class Cost {
        private final long from = System.nanoTime();
        private final Duration generator = ownCpu();
        private final Duration service = serviceCpu.get();

        private Run run(final double throughput, final Histogram latency, final long errors) {
            final double seconds = (System.nanoTime() - from) / 1e9;
            return new Run(throughput, latency, errors, ownCpu().minus(generator).toNanos() / 1e9 / seconds,
                    serviceCpu.get().minus(service).toNanos() / 1e9 / seconds, client.openConnections());
        }

        private static Duration ownCpu() {
            return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
