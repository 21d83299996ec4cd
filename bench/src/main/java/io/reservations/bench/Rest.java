package io.reservations.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/** Synchronous select-resource over HTTP, each on a fresh reservation, as clients would call it. */
final class Rest {

    /** One measured run: requests per second, latency in microseconds, and answers other than 200. */
    record Run(double throughput, Histogram latencyMicros, long errors) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).build();
    private final String apiUrl;
    private final String token;

    Rest(final String apiUrl, final String token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    String apiUrl() {
        return apiUrl;
    }

    String token() {
        return token;
    }

    private HttpRequest select(final String reservation) {
        return HttpRequest.newBuilder(URI.create(apiUrl + "/reservations/" + reservation + "/select-resource"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resource_type\":\"seat\"}")).build();
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
                    int status;
                    try {
                        status = http.send(select(reservation), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (final Exception e) {
                        status = -1;
                    }
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
        pool.awaitTermination(duration.plus(warmup).toSeconds() + 60, TimeUnit.SECONDS);
        if (queue.isEmpty()) {
            throw new IllegalStateException("Ran out of prepared reservations: prepare more for this rate");
        }
        return new Run(completed.get() / (duration.toNanos() / 1e9), recorder.getIntervalHistogram(), errors.get());
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
            calls[i] = http.sendAsync(select(reservations.get(i)), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        if (counted) {
                            recorder.recordValue((System.nanoTime() - due) / 1_000);
                            measured.incrementAndGet();
                            if (failure != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                        return null;
                    });
        }
        CompletableFuture.allOf(calls).orTimeout(120, TimeUnit.SECONDS).join();
        return new Run(measured.get() / (duration.toNanos() / 1e9), recorder.getIntervalHistogram(), errors.get());
    }
}
