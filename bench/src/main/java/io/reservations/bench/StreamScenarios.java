package io.reservations.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open change streams on one instance: the CPU 500 of them add while nothing happens, and how long a select sent
 * over REST takes to reach the streams' clients while the standard pipeline load runs; the select's own answer
 * time, measured alongside, is its same-run reference.
 */
final class StreamScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(StreamScenarios.class);
    static final String AT_REST = "change streams open (500), nothing happening, added CPU";
    static final String DELIVERY = "change stream delivery under pipeline load, select sent to event at a client";
    static final String ANSWER = "change stream probe select answered under pipeline load";
    private static final int WINDOWS = 50;
    private static final int STREAMS_PER_WINDOW = 10;
    private static final int PROBES_PER_WINDOW = 20;
    private static final int PROBES_PER_SECOND = 20;
    private static final Duration CPU_SAMPLE = Duration.ofSeconds(20);

    private final Cluster cluster;
    private final ServiceProcess service;
    private final Load load;
    private final boolean smoke;
    private final Measurements measured;

    StreamScenarios(final Cluster cluster, final ServiceProcess service, final Load load, final boolean smoke,
                    final Measurements measured) {
        this.cluster = cluster;
        this.service = service;
        this.load = load;
        this.smoke = smoke;
        this.measured = measured;
    }

    void run(final String tag) throws Exception {
        final int windows = smoke ? 2 : WINDOWS;
        final List<String> windowIds = new ArrayList<>();
        final List<String> probes = new ArrayList<>();
        final List<String> creates = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            final String window = Cluster.idOn(tag + "-cw" + w, w % Cluster.PARTITIONS);
            windowIds.add(window);
            creates.add(cluster.createWindow(window, PROBES_PER_WINDOW));
            for (int p = 0; p < PROBES_PER_WINDOW; p++) {
                final String probe = Cluster.idOn(window + "-p" + p, (w + 1 + p) % Cluster.PARTITIONS);
                probes.add(probe);
                creates.add(cluster.createReservation(probe, window));
            }
        }
        cluster.awaitResults(creates, 300);
        final Duration sample = smoke ? Duration.ofSeconds(2) : CPU_SAMPLE;
        final double idle = cpuCores(sample);
        try (ChangeStreamClients streams = ChangeStreamClients.open(service.apiUrl(), service.token(), windowIds,
                STREAMS_PER_WINDOW)) {
            LOG.info("{} change streams open", streams.open());
            measured.add(AT_REST, cpuCores(sample) - idle);
            underLoad(tag, probes, streams);
        }
    }

    /** The pipeline's burst on other windows while probes select at a steady rate on the streamed ones. */
    private void underLoad(final String tag, final List<String> probes, final ChangeStreamClients streams)
            throws Exception {
        final List<String> sagas = Pipeline.prepare(cluster, tag + "-cl", load.sagas, 50, false);
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Histogram answered = new Histogram(3);
        final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        final List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (SelectClient rest = new SelectClient(service.apiUrl(), service.token(), 50)) {
            final CompletableFuture<Double> pipeline = CompletableFuture.supplyAsync(() -> Pipeline.run(cluster, sagas));
            final long period = TimeUnit.SECONDS.toNanos(1) / PROBES_PER_SECOND;
            for (int i = 0; i < probes.size(); i++) {
                final String probe = probes.get(i);
                answers.add(CompletableFuture.supplyAsync(() -> {
                    final long sent = System.nanoTime();
                    sentAt.put(probe, sent);
                    return rest.select(probe).whenComplete((status, failure) -> {
                        synchronized (answered) {
                            answered.recordValue((System.nanoTime() - sent) / 1_000);
                        }
                    });
                }, CompletableFuture.delayedExecutor(i * period, TimeUnit.NANOSECONDS, pacer))
                        .thenCompose(future -> future));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            pipeline.get(10, TimeUnit.MINUTES);
        } finally {
            pacer.shutdownNow();
        }
        final Histogram delivered = streams.awaitDeliveries(sentAt, Duration.ofSeconds(60));
        measured.add(DELIVERY + " p50", Measurements.ms(delivered, 50));
        measured.add(DELIVERY + " p99", Measurements.ms(delivered, 99));
        measured.add(ANSWER + " p50", Measurements.ms(answered, 50));
        measured.add(ANSWER + " p99", Measurements.ms(answered, 99));
    }

    /** The service's CPU over {@code period}, in cores. */
    private double cpuCores(final Duration period) throws InterruptedException {
        final Duration before = service.cpu();
        Thread.sleep(period.toMillis()); // a measuring interval, not a wait for a condition
        return (service.cpu().minus(before).toNanos() / 1e9) / (period.toNanos() / 1e9);
    }
}
