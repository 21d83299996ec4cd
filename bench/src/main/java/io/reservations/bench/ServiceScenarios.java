package io.reservations.bench;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's figures: pipeline sagas, its CPU per saga, the hot window, the REST closed-loop curve and open loop,
 * listings, the waitlist's promotion latency and churn, and bundles against the single select.
 */
final class ServiceScenarios {

    /** What to measure beyond the pipeline. */
    record Options(boolean smoke, boolean onlyPipeline, boolean onlyTargets, boolean onlyListings, boolean onlyRest,
                   boolean onlyWaitlist, boolean onlyBundles, boolean onlyStreams, double streamLoad, boolean skipRest, boolean skipListings, int hotResources,
                   List<Integer> clients, List<Integer> rates, List<Double> fractions) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceScenarios.class);
    /** Issue 23's target scenario: a fixed rate of half the same run's cross-partition pipeline rate. */
    static final String PIPELINE_HALF = "REST open loop at 0.5 of pipeline";

    private final Cluster cluster;
    private final Rest rest;
    private final ServiceProcess service;
    private final Options options;
    private final Load load;
    private final Measurements measured;
    private final RestScenarios restScenarios;
    private final ListingScenarios listings;
    private final WaitlistScenarios waitlist;
    private final BundleScenarios bundles;
    private final StreamScenarios streams;
    private final ServiceMeters meters;
    /** The service JVM's JIT time (Micrometer's JVM compilation meter), milliseconds. */
    /** @param service the started service, whose CPU time is read; null for a service given by URL */
    ServiceScenarios(final Cluster cluster, final Rest rest, final ServiceProcess service, final Options options,
                     final Load load, final Measurements measured) {
        this.cluster = cluster;
        this.rest = rest;
        this.service = service;
        this.options = options;
        this.load = load;
        this.measured = measured;
        this.restScenarios = new RestScenarios(cluster, rest, options, load, measured);
        this.listings = new ListingScenarios(cluster, rest, options.smoke(), measured);
        this.waitlist = new WaitlistScenarios(cluster, options.smoke(), measured);
        this.bundles = new BundleScenarios(cluster, options.smoke(), measured);
        this.streams = service == null ? null : new StreamScenarios(cluster, service, options.smoke(), options.streamLoad(), measured);
        this.meters = new ServiceMeters(rest.apiUrl(), rest.token());
    }

    void run(final String session, final int runCount) throws Exception {
        if (options.onlyListings()) {
            final List<String> owners = listings.owners(session);
            for (int run = 1; run <= runCount; run++) {
                for (final String owner : owners) {
                    listings.measure(owner);
                }
            }
            return;
        }
        if (options.onlyRest()) {
            restScenarios.warmUp(session);
            for (int run = 1; run <= runCount; run++) {
                final String tag = session + "-" + run;
                restScenarios.openLoop(tag, options.rates() != null ? 0 : restScenarios.closedLoopCurve(tag));
            }
            return;
        }
        LOG.info("Warm-up (not counted)");
        Pipeline.run(cluster, Pipeline.prepare(cluster, session + "-warm", load.sagas / 2, 50, false));
        final boolean onlyBundlesOrWaitlist = options.onlyWaitlist() || options.onlyBundles() || options.onlyStreams();
        if (!options.onlyPipeline() && !onlyBundlesOrWaitlist && !options.skipRest()) {
            restScenarios.warmUp(session);
        }
        final List<String> owners = options.onlyPipeline() || options.onlyTargets() || onlyBundlesOrWaitlist
                || options.skipListings() ? List.of() : listings.owners(session);
        for (int run = 1; run <= runCount; run++) {
            final String tag = session + "-" + run;
            LOG.info("Run {} of {}: pipeline", run, runCount);
            final double pipelineRate = pipeline(tag);
            if (options.onlyPipeline()) {
                continue;
            }
            if (options.onlyWaitlist()) {
                waitlist.promotion(tag);
                waitlist.churn(tag);
                continue;
            }
            if (options.onlyBundles()) {
                bundles.run(tag);
                continue;
            }
            if (options.onlyStreams()) {
                if (streams == null) {
                    throw new IllegalArgumentException("--only-streams measures the service it starts (no --api)");
                }
                streams.run(tag, pipelineRate);
                continue;
            }
            final int hot = options.smoke() ? load.hotResources : options.hotResources();
            measured.add("hot window (" + hot + " resources)",
                    Pipeline.run(cluster, Pipeline.prepare(cluster, tag + "-h", hot, hot, false)));
            if (options.onlyTargets()) {
                restScenarios.closedLoop(tag, 1); // issue 23's latency target: 1 client against the 3-hop floor
            } else if (!options.skipRest()) {
                // fixed rates need no peak: the closed-loop curve runs only to find the fractions' rates
                restScenarios.openLoop(tag, options.rates() != null ? 0 : restScenarios.closedLoopCurve(tag));
            }
            if (options.onlyTargets() || !options.skipRest()) {
                // the REST path at the engine's pace: half of what this run's pipeline took, as a fixed rate
                final int rate = (int) Math.max(10, Math.round(pipelineRate * 0.5));
                measured.add(PIPELINE_HALF + ", rate", rate);
                restScenarios.openLoopAt(tag + "-ph", PIPELINE_HALF, rate);
            }
            for (final String owner : owners) {
                listings.measure(owner);
            }
            if (!options.onlyTargets()) {
                waitlist.promotion(tag);
                waitlist.churn(tag);
                bundles.run(tag);
                if (streams != null) {
                    streams.run(tag, pipelineRate);
                }
            }
        }
    }

    /** @return the cross-partition rate, sagas per second */
    private double pipeline(final String tag) {
        final List<String> crossPartition = Pipeline.prepare(cluster, tag + "-x", load.sagas, 50, false);
        final ServiceMeters.Snapshot before = meters.snapshot();
        final Duration cpuBefore = service == null ? Duration.ZERO : service.cpu();
        final double rate = Pipeline.run(cluster, crossPartition);
        measured.add("pipeline, cross-partition", rate);
        ServiceMeters.addBreakdown("pipeline, cross-partition", before, meters.snapshot(), measured);
        if (service != null) {
            measured.add("service CPU per saga, cross-partition",
                    (service.cpu().minus(cpuBefore).toNanos() / 1e6) / crossPartition.size());
        }
        measured.add("pipeline, same partition", Pipeline.run(cluster, Pipeline.prepare(cluster, tag + "-s", load.sagas, 50, true)));
        return rate;
    }
}
