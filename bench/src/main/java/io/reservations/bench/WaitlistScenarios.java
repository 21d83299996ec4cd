package io.reservations.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waitlist's figures: how long after a release the next in line has the seat (one at a time, light load), and
 * a churn of full windows (every seat released while as many wait for one) in reservations served per second.
 */
final class WaitlistScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(WaitlistScenarios.class);
    static final String PROMOTION = "waitlist promotion, release sent to the next in line's resource seen";
    static final String CHURN = "waitlist churn, full windows of 50, newcomers served";
    private static final int SEATS = 50;

    private final Cluster cluster;
    private final boolean smoke;
    private final Measurements measured;

    WaitlistScenarios(final Cluster cluster, final boolean smoke, final Measurements measured) {
        this.cluster = cluster;
        this.smoke = smoke;
        this.measured = measured;
    }

    /**
     * A window of one seat on partition 0, its reservations on the others: each in turn joins the line, then the
     * holder before it cancels; from the cancel's send to the committed event that gives the seat to the next.
     */
    void promotion(final String tag) throws Exception {
        final int promotions = smoke ? 5 : 200;
        LOG.info("Waitlist: {} promotions, one at a time", promotions);
        final String window = Cluster.idOn(tag + "-pw", 0);
        final List<String> creates = new ArrayList<>(List.of(cluster.createWindow(window, 1)));
        final List<String> reservations = new ArrayList<>();
        for (int r = 0; r <= promotions; r++) {
            reservations.add(Cluster.idOn(tag + "-pr" + r, 1 + r % (Cluster.PARTITIONS - 1)));
            creates.add(cluster.createReservation(reservations.get(r), window));
        }
        cluster.awaitResults(creates, 300);
        cluster.awaitResults(List.of(cluster.select(reservations.get(0))), 60);
        final Histogram micros = new Histogram(3);
        try (SelectionWatcher selections = new SelectionWatcher(cluster.bootstrap())) {
            for (int r = 1; r <= promotions; r++) {
                cluster.awaitResults(List.of(cluster.selectInLine(reservations.get(r))), 60);
                final long released = System.nanoTime();
                cluster.cancel(reservations.get(r - 1));
                cluster.flush();
                micros.recordValue((awaitSelected(selections, reservations.get(r)) - released) / 1_000);
            }
        }
        measured.add(PROMOTION + " p50", Measurements.ms(micros, 50));
        measured.add(PROMOTION + " p99", Measurements.ms(micros, 99));
    }

    /**
     * Full windows of 50 seats (cross-partition holders), then at once: 50 more reservations per window select with
     * the line and the 50 holders cancel; served per second until every newcomer has a seat, from the line or free.
     */
    void churn(final String tag) throws Exception {
        final int windows = smoke ? 2 : 200;
        LOG.info("Waitlist churn: {} full windows of {} seats", windows, SEATS);
        final List<String> holders = Pipeline.prepare(cluster, tag + "-ch", windows * SEATS, SEATS, false);
        cluster.awaitResults(holders.stream().map(cluster::select).toList(), 600);
        final List<String> waiters = new ArrayList<>();
        final List<String> creates = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            final String holder = holders.get(i);
            final String windowOfHolder = tag + "-ch-w" + (i / SEATS); // Pipeline.prepare's window prefix
            final String waiter = Cluster.idOn(holder + "-next", (i + 5) % Cluster.PARTITIONS);
            waiters.add(waiter);
            creates.add(cluster.createReservation(waiter, Cluster.idOn(windowOfHolder, (i / SEATS) % Cluster.PARTITIONS)));
        }
        cluster.awaitResults(creates, 300);
        try (SelectionWatcher selections = new SelectionWatcher(cluster.bootstrap())) {
            final long start = System.nanoTime();
            final List<String> commands = new ArrayList<>();
            for (int i = 0; i < waiters.size(); i++) {
                commands.add(cluster.selectInLine(waiters.get(i)));
                commands.add(cluster.cancel(holders.get(i)));
            }
            cluster.awaitResults(commands, 600);
            long end = start;
            for (final String waiter : waiters) {
                end = Math.max(end, awaitSelected(selections, waiter));
            }
            measured.add(CHURN, waiters.size() / ((end - start) / 1e9));
        }
    }

    private static long awaitSelected(final SelectionWatcher selections, final String reservation) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (selections.selectedAt(reservation) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(reservation + " did not get its resource within 120 s");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        return selections.selectedAt(reservation);
    }
}
