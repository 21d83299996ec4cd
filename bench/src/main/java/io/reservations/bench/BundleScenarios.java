package io.reservations.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bundles against the single select of the same run: one at a time (light load, from the command's send to its
 * result) for bundles of 2 and of 5 items and for plain selects, and a burst of bundles of 2 in bundles per second
 * (against the same run's pipeline of selects). Items and windows on other partitions than their bundle.
 */
final class BundleScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(BundleScenarios.class);
    static final String SELECT = "light load, one select at a time";
    static final String BUNDLE = "light load, one bundle at a time";
    static final String BURST = "bundles of 2, burst";

    private final Cluster cluster;
    private final boolean smoke;
    private final Measurements measured;

    BundleScenarios(final Cluster cluster, final boolean smoke, final Measurements measured) {
        this.cluster = cluster;
        this.smoke = smoke;
        this.measured = measured;
    }

    void run(final String tag) {
        final int count = smoke ? 5 : 200;
        LOG.info("Bundles: {} selects, then {} bundles of 2 and of 5, one at a time", count, count);
        final Histogram selects = new Histogram(3);
        for (final String reservation : Pipeline.prepare(cluster, tag + "-ls", count, 50, false)) {
            record(selects, () -> cluster.select(reservation));
        }
        measured.add(SELECT + " p50", Measurements.ms(selects, 50));
        measured.add(SELECT + " p99", Measurements.ms(selects, 99));
        for (final int items : List.of(2, 5)) {
            final Histogram bundles = new Histogram(3);
            final List<List<String>> itemsOf = items(tag + "-lb" + items, count, items);
            for (int b = 0; b < count; b++) {
                final String bundle = Cluster.idOn(tag + "-lb" + items + "-" + b, b % Cluster.PARTITIONS);
                final List<String> reservations = itemsOf.get(b);
                record(bundles, () -> cluster.createBundle(bundle, reservations));
            }
            measured.add(BUNDLE + ", " + items + " items p50", Measurements.ms(bundles, 50));
            measured.add(BUNDLE + ", " + items + " items p99", Measurements.ms(bundles, 99));
        }
        burst(tag);
    }

    /** As many bundles of 2 as the pipeline's sagas, sent at once: bundles per second until the last result. */
    private void burst(final String tag) {
        final int count = smoke ? 20 : 5_000;
        final List<List<String>> itemsOf = items(tag + "-bb", count, 2);
        final long rejectedBefore = cluster.results().rejected();
        final long start = System.nanoTime();
        final List<String> creates = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            creates.add(cluster.createBundle(Cluster.idOn(tag + "-bb-" + b, b % Cluster.PARTITIONS), itemsOf.get(b)));
        }
        cluster.awaitResults(creates, 600);
        final long end = creates.stream().mapToLong(id -> cluster.results().completedAt(id)).max().orElseThrow();
        if (cluster.results().rejected() > rejectedBefore) {
            throw new IllegalStateException("bundles were rejected: the benchmark measures successful bundles");
        }
        measured.add(BURST, count / ((end - start) / 1e9));
    }

    /** For each of {@code count} bundles, one reservation in each of {@code size} groups of windows. */
    private List<List<String>> items(final String tag, final int count, final int size) {
        final List<List<String>> groups = new ArrayList<>();
        for (int g = 0; g < size; g++) {
            groups.add(Pipeline.prepare(cluster, tag + "-g" + g, count, 50, false));
        }
        final List<List<String>> bundles = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            final int bundle = b;
            bundles.add(groups.stream().map(group -> group.get(bundle)).toList());
        }
        return bundles;
    }

    /** From the send to the result seen, one command at a time. */
    private void record(final Histogram micros, final Supplier<String> send) {
        final long sent = System.nanoTime();
        final String commandId = send.get();
        cluster.awaitResults(List.of(commandId), 60);
        micros.recordValue((cluster.results().completedAt(commandId) - sent) / 1_000);
    }
}
