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

    int warmupRequests() {
        return (int) (250 * warmup.toSeconds() * 1.1) + 10;
    }
}
