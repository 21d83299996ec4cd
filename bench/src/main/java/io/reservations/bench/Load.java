package io.reservations.bench;

import java.time.Duration;

/** How much load: the full benchmark, or a smoke run of a few seconds. */
enum Load {
    FULL(20_000, 10_000, 60_000, 32, 200_000, Duration.ofSeconds(5), Duration.ofSeconds(15)),
    SMOKE(300, 200, 400, 4, 5_000, Duration.ofSeconds(1), Duration.ofSeconds(2));

    final int sagas;
    final int hotResources;
    final int closedLoopReservations;
    final int clients;
    final int referenceRecords;
    final Duration warmup;
    final Duration duration;

    Load(final int sagas, final int hotResources, final int closedLoopReservations, final int clients,
         final int referenceRecords, final Duration warmup, final Duration duration) {
        this.sagas = sagas;
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
