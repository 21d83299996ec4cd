package io.reservations.bench;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST scenarios: the closed-loop curve until it flattens, and open loops at fixed rates. */
final class RestScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(RestScenarios.class);
    /** Where the closed-loop curve stops doubling the clients even if throughput still grows. */
    private static final int MAX_CLIENTS = 512;
    private static final String COMPILATION = "jvm_compilation_time_ms_total";

    private final Cluster cluster;
    private final Rest rest;
    private final ServiceScenarios.Options options;
    private final Load load;
    private final Measurements measured;
    private final ServiceMeters meters;

    RestScenarios(final Cluster cluster, final Rest rest, final ServiceScenarios.Options options, final Load load,
                  final Measurements measured) {
        this.cluster = cluster;
        this.rest = rest;
        this.options = options;
        this.load = load;
        this.measured = measured;
        this.meters = new ServiceMeters(rest.apiUrl(), rest.token());
    }

    /**
     * Rising client counts until throughput stops growing: the given counts (--clients), then twice the last count
     * for as long as that adds at least a tenth to the throughput (up to {@value #MAX_CLIENTS}); returns the peak.
     */
    double closedLoopCurve(final String tag) throws InterruptedException {
        double peak = 0;
        double last = 0;
        double beforeLast = 0;
        int clients = 0;
        for (final int given : options.smoke() ? List.of(load.clients) : options.clients()) {
            clients = given;
            beforeLast = last;
            last = closedLoop(tag, clients);
            peak = Math.max(peak, last);
        }
        while (!options.smoke() && last >= beforeLast * 1.1 && clients * 2 <= MAX_CLIENTS) {
            clients *= 2;
            beforeLast = last;
            last = closedLoop(tag, clients);
            peak = Math.max(peak, last);
        }
        return peak;
    }

    double closedLoop(final String tag, final int clients) throws InterruptedException {
        LOG.info("REST closed loop, {} clients", clients);
        final int needed = clients == 1 ? Math.min(2_000, load.closedLoopReservations) : load.closedLoopReservations / 2;
        final List<String> reservations = Pipeline.prepare(cluster, tag + "-c" + clients, needed, 50, false);
        final ServiceMeters.Snapshot before = meters.snapshot();
        final Rest.Run closed = rest.closedLoop(reservations.iterator(), clients, load.warmup, load.duration);
        final String name = "REST closed loop, " + clients + " clients";
        ServiceMeters.addBreakdown(name, before, meters.snapshot(), measured);
        addCost(name, closed);
        measured.add(name, closed.throughput());
        measured.add(name + " p50", Measurements.ms(closed.latencyMicros(), 50));
        measured.add(name + " p99", Measurements.ms(closed.latencyMicros(), 99));
        measured.add(name + " errors", closed.errors());
        return closed.throughput();
    }

    /** Fixed rates (--rates), or fractions of the closed-loop peak, named by fraction so that runs line up. */
    void openLoop(final String tag, final double peak) {
        final int count = options.rates() != null ? options.rates().size() : options.smoke() ? 1 : options.fractions().size();
        for (int i = 0; i < count; i++) {
            final int rate;
            final String name;
            if (options.rates() != null || options.smoke()) {
                rate = options.smoke() ? 50 : options.rates().get(i);
                name = "REST open loop " + rate + "/s";
            } else {
                rate = (int) Math.max(10, Math.round(peak * options.fractions().get(i)));
                name = "REST open loop at " + options.fractions().get(i) + " of peak";
                measured.add(name + ", rate", rate);
            }
            openLoopAt(tag + "-o" + i, name, rate);
        }
    }

    void openLoopAt(final String tag, final String name, final int rate) {
        LOG.info("{} ({}/s)", name, rate);
        final int needed = (int) (rate * (load.warmup.toSeconds() + load.duration.toSeconds()) * 1.05) + 10;
        final List<String> reservations = Pipeline.prepare(cluster, tag, needed, 50, false);
        final ServiceMeters.Snapshot before = meters.snapshot();
        final Rest.Run open = rest.openLoop(reservations, rate, load.warmup, load.duration);
        ServiceMeters.addBreakdown(name, before, meters.snapshot(), measured);
        addCost(name, open);
        measured.add(name + " p50", Measurements.ms(open.latencyMicros(), 50));
        measured.add(name + " p99", Measurements.ms(open.latencyMicros(), 99));
        measured.add(name + " p99.9", Measurements.ms(open.latencyMicros(), 99.9));
        measured.add(name + " max", open.latencyMicros().getMaxValue() / 1000.0);
        measured.add(name + " errors", open.errors());
    }

    /** What the run cost both sides: a figure that measures the generator rather than the service says so here. */
    private void addCost(final String name, final Rest.Run run) {
        measured.add(name + ", load generator CPU", run.generatorCores());
        measured.add(name + ", service CPU", run.serviceCores());
        if (run.serviceCores() > 0 && run.throughput() > 0) {
            // beside the pipeline's and the bare topology's at the same fixed rate (ReferenceScenarios)
            measured.add(name + ", service CPU per saga", run.serviceCores() * 1000 / run.throughput());
        }
        measured.add(name + ", connections", run.connections());
    }

    /**
     * REST slices at {@link Load#REST_WARMUP_RATE} until the service's JIT has compiled the path (its
     * {@code jvm_compilation_time} grows by less than a tenth of a slice) or the limit is reached: the open loops then
     * measure the service as it runs after its first minutes, not its compiler. The time it took is a figure.
     */
    void warmUp(final String session) {
        final long start = System.nanoTime();
        final long limit = start + load.restWarmupLimit().toNanos();
        int slice = 0;
        while (true) {
            final ServiceMeters.Snapshot before = meters.snapshot();
            LOG.info("REST warm-up (not counted), slice {}: {}/s for {} s", ++slice, Load.REST_WARMUP_RATE,
                    load.restWarmup().toSeconds());
            rest.openLoop(Pipeline.prepare(cluster, session + "-warmrest" + slice, load.warmupRequests(), 50, false),
                    Load.REST_WARMUP_RATE, Duration.ZERO, load.restWarmup());
            final ServiceMeters.Snapshot after = meters.snapshot();
            if (before == null || after == null) {
                break; // no meters to tell (a token without the admin role): one slice, as before
            }
            final double compiled = after.sum(COMPILATION) - before.sum(COMPILATION);
            LOG.info("REST warm-up: the service's JIT compiled {} ms in that slice", Math.round(compiled));
            if (Load.compiledEnough(compiled, load.restWarmup()) || System.nanoTime() > limit) {
                break;
            }
        }
        measured.add("REST warm-up until the service's JIT settled, seconds", (System.nanoTime() - start) / 1e9);
    }
}
