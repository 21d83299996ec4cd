package io.reservations.bench;

import java.time.Duration;

/** How much load: the full benchmark, or a smoke run of a few seconds. */
enum Load {
    FULL(100_000, 100_000, 10_000, 60_000, 32, 200_000, Duration.ofSeconds(5), Duration.ofSeconds(15)),
    SMOKE(300, 300, 200, 400, 4, 5_000, Duration.ofSeconds(1), Duration.ofSeconds(2));

    /** Sagas per pipeline run: at least 100,000, so a rate is a steady one, not a start */
    final int sagas;
    /** Sagas per burst into the bare topology: as many, the way that topology runs fastest */
    final int bareSagas;
    final int hotResources;
    final int closedLoopReservations;
    final int clients;
    final int referenceRecords;
    final Duration warmup;
    final Duration duration;

    Load(final int sagas, final int bareSagas, final int hotResources, final int closedLoopReservations, final int clients,
         final int referenceRecords, final Duration warmup, final Duration duration) {
        this.sagas = sagas;
        this.bareSagas = bareSagas;
        this.hotResources = hotResources;
        this.closedLoopReservations = closedLoopReservations;
        this.clients = clients;
        this.referenceRecords = referenceRecords;
        this.warmup = warmup;
        this.duration = duration;
    }

    /**
     * One slice of the REST warm-up. The HTTP path's code is compiled only once requests run through it, and a fresh
     * service's JIT kept a core busy for about four minutes of load (docs/PERFORMANCE.md): the warm-up repeats slices
     * until the JIT is done ({@link #compiledEnough}), at most {@link #restWarmupLimit}.
     */
    Duration restWarmup() {
        return this == SMOKE ? warmup : Duration.ofSeconds(15);
    }

    /** The longest REST warm-up, whatever the JIT still does. */
    Duration restWarmupLimit() {
        return this == SMOKE ? warmup : Duration.ofMinutes(8);
    }

    /** Settled: the JIT compiled for less than a tenth of the slice's time (one compiler thread a tenth busy). */
    static boolean compiledEnough(final double compileMillis, final Duration slice) {
        return compileMillis < slice.toMillis() * 0.10;
    }

    /** Requests per second of the REST warm-up. */
    static final int REST_WARMUP_RATE = 100;

    int warmupRequests() {
        return (int) (REST_WARMUP_RATE * restWarmup().toSeconds() * 1.1) + 10;
    }
}
