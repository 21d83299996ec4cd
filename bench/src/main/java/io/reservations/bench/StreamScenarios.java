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
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open change streams on one instance: the CPU 500 of them add while nothing happens, and how long a select sent
 * over REST takes to reach the streams' clients while sagas run at a fraction of this run's pipeline rate (by
 * default half, the REST open loop's target load); the select's own answer time, with the streams open and before
 * any is, are its same-run references.
 */
final class StreamScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(StreamScenarios.class);
    static final String AT_REST = "change streams open (500; 20 in a smoke run), nothing happening, added CPU";
    static final String DELIVERY = "change stream delivery under load, select sent to event at a client";
    static final String ANSWER = "change stream probe select answered under load";
    static final String ANSWER_ALONE = "change stream probe select answered under load, no stream open";
    static final String BACKGROUND = "change stream background load, rate";
    private static final int WINDOWS = 50;
    private static final int STREAMS_PER_WINDOW = 10;
    private static final int PROBES_PER_WINDOW = 20;
    private static final int PROBES_PER_SECOND = 40;
    private static final Duration CPU_SAMPLE = Duration.ofSeconds(20);

    private final Cluster cluster;
    private final ServiceProcess service;
    private final boolean smoke;
    private final double loadFraction;
    private final Measurements measured;

    /** @param loadFraction the background load, as a fraction of the run's pipeline rate */
    StreamScenarios(final Cluster cluster, final ServiceProcess service, final boolean smoke,
                    final double loadFraction, final Measurements measured) {
        this.cluster = cluster;
        this.service = service;
        this.smoke = smoke;
        this.loadFraction = loadFraction;
        this.measured = measured;
    }

    /** @param pipelineRate this run's cross-partition pipeline rate, sagas per second */
    void run(final String tag, final double pipelineRate) throws Exception {
        final Probes alone = probes(tag + "-a");
        final Probes streamed = probes(tag + "-s");
        underLoad(tag + "-a", alone.reservations(), null, pipelineRate);
        final Duration sample = smoke ? Duration.ofSeconds(2) : CPU_SAMPLE;
        final double idle = cpuCores(sample);
        try (ChangeStreamClients streams = ChangeStreamClients.open(service.apiUrl(), service.token(),
                streamed.windows(), STREAMS_PER_WINDOW)) {
            LOG.info("{} change streams open", streams.open());
            measured.add(AT_REST, cpuCores(sample) - idle);
            underLoad(tag + "-s", streamed.reservations(), streams, pipelineRate);
        }
    }

    /** Windows of {@value #PROBES_PER_WINDOW} resources, with as many reservations on other partitions. */
    private Probes probes(final String tag) {
        final Probes probes = new Probes(new ArrayList<>(), new ArrayList<>());
        final List<String> creates = new ArrayList<>();
        for (int w = 0; w < (smoke ? 2 : WINDOWS); w++) {
            final String window = Cluster.idOn(tag + "-cw" + w, w % Cluster.PARTITIONS);
            probes.windows().add(window);
            creates.add(cluster.createWindow(window, PROBES_PER_WINDOW));
            for (int p = 0; p < PROBES_PER_WINDOW; p++) {
                final String probe = Cluster.idOn(window + "-p" + p, (w + 1 + p) % Cluster.PARTITIONS);
                probes.reservations().add(probe);
                creates.add(cluster.createReservation(probe, window));
            }
        }
        cluster.awaitResults(creates, 300);
        return probes;
    }

    private record Probes(List<String> windows, List<String> reservations) {
    }

    /**
     * Sagas written straight to the topics at a steady rate (a fraction of this run's pipeline rate, by default half,
     * as in the REST open loop's target scenario) on other windows, while probes select over REST at their own steady rate; with
     * {@code streams} null, the same with no stream open: the reference.
     */
    private void underLoad(final String tag, final List<String> probes, final ChangeStreamClients streams,
                           final double pipelineRate) throws Exception {
        final int rate = (int) Math.max(10, Math.round(pipelineRate * loadFraction));
        if (streams != null) {
            measured.add(BACKGROUND, rate);
        }
        final long seconds = probes.size() / PROBES_PER_SECOND + 5;
        final List<String> background = Pipeline.prepare(cluster, tag + "-cl", (int) (rate * seconds), 50, false);
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Map<String, Integer> failed = new ConcurrentHashMap<>();
        final Histogram answered = new Histogram(3);
        final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        final List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (SelectClient rest = new SelectClient(service.apiUrl(), service.token(), 50)) {
            final AtomicInteger next = new AtomicInteger();
            final int perTick = Math.max(1, rate / 100);
            pacer.scheduleAtFixedRate(() -> {
                for (int i = 0; i < perTick && next.get() < background.size(); i++) {
                    cluster.select(background.get(next.getAndIncrement()));
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
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
                        if (status == null || status != 200) {
                            failed.put(probe, status == null ? -1 : status);
                            sentAt.remove(probe);
                        }
                    });
                }, CompletableFuture.delayedExecutor(i * period, TimeUnit.NANOSECONDS, pacer))
                        .thenCompose(future -> future));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } finally {
            pacer.shutdownNow();
        }
        if (!failed.isEmpty()) {
            LOG.warn("{} probe selects failed, e.g. {}", failed.size(), failed.entrySet().stream().limit(5).toList());
        }
        if (streams == null) {
            measured.add(ANSWER_ALONE + " errors", failed.size());
            measured.add(ANSWER_ALONE + " p50", Measurements.ms(answered, 50));
            measured.add(ANSWER_ALONE + " p99", Measurements.ms(answered, 99));
            return;
        }
        measured.add(DELIVERY + " errors", failed.size());
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
