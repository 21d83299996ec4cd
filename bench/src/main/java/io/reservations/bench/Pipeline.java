package io.reservations.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Select-resource sagas written straight to {@code reservation.commands}, completion seen on
 * {@code command.results}: the processing pipeline without the API.
 */
final class Pipeline {

    private Pipeline() {
    }

    /** Pairs reservations with windows (on other partitions, or on the same one) and creates them all. */
    static List<String> prepare(final Cluster cluster, final String tag, final int sagas, final int resourcesPerWindow,
                                final boolean samePartition) {
        final List<String> reservations = new ArrayList<>(sagas);
        final List<String> creates = new ArrayList<>();
        final int windows = Math.max(1, (sagas + resourcesPerWindow - 1) / resourcesPerWindow);
        for (int w = 0; w < windows; w++) {
            final int windowPartition = w % Cluster.PARTITIONS;
            final String window = Cluster.idOn(tag + "-w" + w, windowPartition);
            creates.add(cluster.createWindow(window, resourcesPerWindow));
            for (int r = 0; r < resourcesPerWindow && reservations.size() < sagas; r++) {
                final int partition = samePartition ? windowPartition
                        : (windowPartition + 1 + r % (Cluster.PARTITIONS - 1)) % Cluster.PARTITIONS;
                final String reservation = Cluster.idOn(tag + "-w" + w + "-r" + r, partition);
                creates.add(cluster.createReservation(reservation, window));
                reservations.add(reservation);
            }
        }
        cluster.awaitResults(creates, 300);
        return reservations;
    }

    /** Sends one select per reservation as fast as possible; returns completed sagas per second. */
    static double run(final Cluster cluster, final List<String> reservations) {
        final long rejectedBefore = cluster.results().rejected();
        final long start = System.nanoTime();
        final List<String> selects = new ArrayList<>(reservations.size());
        for (final String reservation : reservations) {
            selects.add(cluster.select(reservation));
        }
        cluster.awaitResults(selects, 600);
        final long end = selects.stream().mapToLong(id -> cluster.results().completedAt(id)).max().orElseThrow();
        final long rejected = cluster.results().rejected() - rejectedBefore;
        if (rejected > 0) {
            throw new IllegalStateException(rejected + " selections were rejected: the benchmark measures successful sagas");
        }
        return reservations.size() / ((end - start) / 1e9);
    }
}
