package io.reservations.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark: pipeline sagas (cross- and same-partition), REST closed and open loop, and a hot window, next to
 * a raw producer and a minimal exactly-once Streams app on the same broker. Each figure from several runs after a
 * warm-up that is not counted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the reservation service.")
public final class BenchMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

    @Option(names = "--smoke", description = "A few seconds of tiny load, to prove the tool works")
    private boolean smoke;

    @Option(names = "--runs", description = "Runs per figure (default: ${DEFAULT-VALUE})")
    private int runs = 3;

    @Option(names = "--service-jar", description = "The service to start when no --api is given (default: ${DEFAULT-VALUE})")
    private Path serviceJar = Path.of("command-api/target/command-api.jar");

    @Option(names = "--api", description = "Base URL of a running service; with --bootstrap and --token")
    private String api;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers of that service")
    private String bootstrap;

    @Option(names = "--token", description = "A bearer token with reservations:write for that service")
    private String token;

    @Option(names = "--out", description = "Directory for the results (default: bench/results/<time>)")
    private Path out;

    @Option(names = "--jfr", description = "Record a Java Flight Recorder profile of the service into the results")
    private boolean jfr;

    @Option(names = "--only-references", description = "Only the raw producer and the exactly-once app")
    private boolean onlyReferences;

    @Option(names = "--only-pipeline", description = "Only the pipeline scenarios and the references, for tuning")
    private boolean onlyPipeline;

    @Option(names = "--service-jvm-arg", description = "An option for the started service's JVM, e.g. "
            + "-Dreservations.streams.commit.interval.ms=100 (repeatable)")
    private List<String> serviceJvmArgs = new ArrayList<>();

    @Option(names = "--render", description = "Only write the report again from this result.json (after a fix of the report)")
    private Path render;

    @Option(names = "--commit-ms", description = "Commit interval of the service and of the bare saga reference "
            + "(default: ${DEFAULT-VALUE})")
    private long commitMs = 10;

    @Option(names = "--hot-resources", description = "Resources of the hot window (default: ${DEFAULT-VALUE})")
    private int hotResources = 10_000;

    @Option(names = "--skip-rest", description = "Leave out the REST scenarios")
    private boolean skipRest;

    @Option(names = "--rates", split = ",", description = "Open-loop rates per second (default: fractions of the "
            + "closed-loop peak, see --fractions)")
    private List<Integer> rates;

    @Option(names = "--fractions", split = ",", description = "Open-loop rates as fractions of the closed-loop peak "
            + "(default: ${DEFAULT-VALUE})")
    private List<Double> fractions = List.of(0.25, 0.5);

    @Option(names = "--clients", split = ",", description = "Client counts of the closed-loop curve (default: ${DEFAULT-VALUE})")
    private List<Integer> clients = List.of(1, 8, 32, 128);

    @Option(names = "--hops", description = "Records per exactly-once hop latency reference (default: ${DEFAULT-VALUE})")
    private int hopRecords = 200;

    public static void main(final String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (render != null) {
            final Report.Result previous = io.reservations.topics.Json.mapper().readValue(render.toFile(), Report.Result.class);
            final Map<String, List<Double>> values = new LinkedHashMap<>();
            previous.figures().forEach(figure -> values.put(figure.scenario(), figure.runs()));
            final Report.Result result = new Report.Result(previous.at(), previous.settings(), figures(values));
            Report.write(render.toAbsolutePath().getParent(), result, references(values));
            System.out.println(Report.markdown(result, references(values)));
            return 0;
        }
        final Load load = smoke ? Load.SMOKE : Load.FULL;
        final int runCount = smoke ? 1 : runs;
        final Path results = out != null ? out : Path.of("bench", "results",
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(results);
        final List<String> jvmArgs = new ArrayList<>(serviceJvmArgs);
        jvmArgs.add("-Dreservations.streams.commit.interval.ms=" + commitMs);
        if (jfr) {
            jvmArgs.add("-XX:StartFlightRecording=filename=" + results.toAbsolutePath().resolve("service.jfr")
                    + ",settings=profile,dumponexit=true");
        }
        final ServiceProcess service = api == null ? ServiceProcess.start(serviceJar.toAbsolutePath(), jvmArgs) : null;
        try (Cluster cluster = new Cluster(service != null ? service.bootstrap() : bootstrap)) {
            final Rest rest = new Rest(service != null ? service.apiUrl() : api, service != null ? service.token() : token);
            final String session = Long.toString(System.currentTimeMillis(), 36);

            final Map<String, List<Double>> values = new LinkedHashMap<>();
            if (!onlyReferences) {
                measureService(cluster, rest, service, session, load, runCount, values);
            }

            LOG.info("References");
            final Path state = Files.createTempDirectory("bench-reference");
            // the bare topology runs in this JVM: warm its code up as the service was warmed up (not counted)
            BareSaga.run(cluster.bootstrap(), load.sagas / 2, commitMs, state.resolve("bare-warm-up"));
            for (int run = 1; run <= runCount; run++) {
                final String topic = References.topic(cluster.bootstrap());
                add(values, "reference: raw producer", References.rawProducer(cluster.bootstrap(), topic, load.referenceRecords));
                add(values, "reference: exactly-once Streams app", References.exactlyOnceApp(cluster.bootstrap(), topic,
                        load.referenceRecords, 50, state.resolve("run-" + run)));
                add(values, "reference: bare saga topology", BareSaga.run(cluster.bootstrap(), load.sagas, commitMs,
                        state.resolve("bare-" + run)));
                if (!smoke) {
                    PostgresReference.run(load.sagas, 8, 50).ifPresent(rate -> add(values, "reference: PostgreSQL, 8 clients", rate));
                }
                for (final int hops : List.of(1, 3)) {
                    final Histogram floor = HopFloor.measure(cluster.bootstrap(), hops, smoke ? 20 : hopRecords, commitMs,
                            state.resolve("hops-" + hops + "-" + run));
                    add(values, "reference: " + hops + " exactly-once hop" + (hops == 1 ? "" : "s") + " p50", ms(floor, 50));
                    add(values, "reference: " + hops + " exactly-once hop" + (hops == 1 ? "" : "s") + " p99", ms(floor, 99));
                }
            }

            final List<Figure> figures = figures(values);
            final Map<String, Double> references = references(values);
            final Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("load", load.name());
            settings.put("runs", runCount);
            settings.put("warmup_s", load.warmup.toSeconds());
            settings.put("duration_s", load.duration.toSeconds());
            settings.put("cores", Runtime.getRuntime().availableProcessors());
            settings.put("service", service != null ? "local service (" + serviceJar + ")" : api);
            settings.put("service_jvm_args", jvmArgs);
            settings.put("commit_ms", commitMs);
            Report.write(results, new Report.Result(Instant.now(), settings, figures), references);
            System.out.println(Report.markdown(new Report.Result(Instant.now(), settings, figures), references));
            System.out.println("Results in " + results.toAbsolutePath());
            final long errors = figures.stream().filter(f -> f.scenario().endsWith("errors"))
                    .mapToLong(f -> (long) f.max()).sum();
            return errors == 0 ? 0 : 1;
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    private void measureService(final Cluster cluster, final Rest rest, final ServiceProcess service, final String session,
                                final Load load,
                                final int runCount, final Map<String, List<Double>> values)
            throws InterruptedException {
        LOG.info("Warm-up (not counted)");
        Pipeline.run(cluster, Pipeline.prepare(cluster, session + "-warm", load.sagas / 2, 50, false));
        if (!onlyPipeline && !skipRest) {
            rest.openLoop(Pipeline.prepare(cluster, session + "-warmrest", load.warmupRequests(), 50, false),
                    50, Duration.ZERO, load.warmup);
        }
        for (int run = 1; run <= runCount; run++) {
                final String tag = session + "-" + run;
                LOG.info("Run {} of {}: pipeline", run, runCount);
                final List<String> crossPartition = Pipeline.prepare(cluster, tag + "-x", load.sagas, 50, false);
                final Duration cpuBefore = service == null ? Duration.ZERO : service.cpu();
                add(values, "pipeline, cross-partition", Pipeline.run(cluster, crossPartition));
                if (service != null) {
                    add(values, "service CPU per saga, cross-partition",
                            (service.cpu().minus(cpuBefore).toNanos() / 1e6) / crossPartition.size());
                }
                add(values, "pipeline, same partition", Pipeline.run(cluster, Pipeline.prepare(cluster, tag + "-s", load.sagas, 50, true)));
                if (onlyPipeline) {
                    continue;
                }
                final int hot = smoke ? load.hotResources : hotResources;
                add(values, "hot window (" + hot + " resources)",
                        Pipeline.run(cluster, Pipeline.prepare(cluster, tag + "-h", hot, hot, false)));
                if (skipRest) {
                    continue;
                }
                // the closed-loop curve: clients rise until throughput stops growing; its peak sets the open-loop rates
                double peak = 0;
                for (final int clientCount : smoke ? List.of(load.clients) : clients) {
                    LOG.info("Run {} of {}: REST closed loop, {} clients", run, runCount, clientCount);
                    final int needed = clientCount == 1 ? Math.min(2_000, load.closedLoopReservations) : load.closedLoopReservations / 2;
                    final Rest.Run closed = rest.closedLoop(Pipeline.prepare(cluster, tag + "-c" + clientCount, needed, 50, false)
                            .iterator(), clientCount, load.warmup, load.duration);
                    add(values, "REST closed loop, " + clientCount + " clients", closed.throughput());
                    add(values, "REST closed loop, " + clientCount + " clients p50", ms(closed.latencyMicros(), 50));
                    add(values, "REST closed loop, " + clientCount + " clients p99", ms(closed.latencyMicros(), 99));
                    add(values, "REST closed loop, " + clientCount + " clients errors", closed.errors());
                    peak = Math.max(peak, closed.throughput());
                }
                final double closedLoopPeak = peak;
                final List<Integer> openRates = rates != null ? rates : smoke ? List.of(50)
                        : fractions.stream().map(fraction -> (int) Math.max(10, Math.round(closedLoopPeak * fraction))).toList();
                for (final int rate : openRates) {
                    LOG.info("Run {} of {}: REST open loop at {}/s", run, runCount, rate);
                    final int needed = (int) (rate * (load.warmup.toSeconds() + load.duration.toSeconds()) * 1.05) + 10;
                    final Rest.Run open = rest.openLoop(Pipeline.prepare(cluster, tag + "-o" + rate, needed, 50, false),
                            rate, load.warmup, load.duration);
                    add(values, "REST open loop " + rate + "/s p50", ms(open.latencyMicros(), 50));
                    add(values, "REST open loop " + rate + "/s p99", ms(open.latencyMicros(), 99));
                    add(values, "REST open loop " + rate + "/s p99.9", ms(open.latencyMicros(), 99.9));
                    add(values, "REST open loop " + rate + "/s max", open.latencyMicros().getMaxValue() / 1000.0);
                    add(values, "REST open loop " + rate + "/s errors", open.errors());
                }
            }
    }

    private static Map<String, Double> references(final Map<String, List<Double>> values) {
        final Map<String, Double> references = new LinkedHashMap<>();
        if (values.containsKey("reference: raw producer")) {
            references.put("raw producer", median(values.get("reference: raw producer")));
        }
        if (values.containsKey("reference: exactly-once Streams app")) {
            references.put("EOS app / 3", median(values.get("reference: exactly-once Streams app")) / 3);
        }
        if (values.containsKey("reference: 3 exactly-once hops p50")) {
            references.put("3-hop floor p50", median(values.get("reference: 3 exactly-once hops p50")));
        }
        if (values.containsKey("reference: bare saga topology")) {
            references.put("bare saga topology", median(values.get("reference: bare saga topology")));
        }
        return references;
    }

    private static List<Figure> figures(final Map<String, List<Double>> values) {
        final List<Figure> figures = new ArrayList<>();
        values.forEach((scenario, runs) -> {
            final boolean latency = scenario.matches(".* (p[0-9.]+|max)$");
            final boolean errors = scenario.endsWith("errors");
            Double target = null;
            String reference = null;
            // the targets are ratios within one run (docs/PERFORMANCE.md); the report gives the reference ratio
            if (scenario.startsWith("pipeline") || scenario.startsWith("hot window")) {
                reference = "bare saga topology";
            } else if (scenario.equals("REST closed loop, 1 clients p50")) {
                reference = "3-hop floor p50";
            } else if (errors) {
                target = 0.0;
            }
            if (scenario.startsWith("service CPU")) {
                figures.add(new Figure(scenario, "ms CPU", runs, null, false, null));
                return;
            }
            figures.add(new Figure(scenario, errors ? "count" : latency ? "ms" : scenario.startsWith("pipeline")
                    || scenario.startsWith("hot") || scenario.startsWith("reference: bare")
                    || scenario.startsWith("reference: PostgreSQL") ? "sagas/s" : scenario.startsWith("REST") ? "requests/s" : "records/s",
                    runs, target, !latency && !errors, reference));
        });
        return figures;
    }

    private static void add(final Map<String, List<Double>> values, final String scenario, final double value) {
        values.computeIfAbsent(scenario, key -> new ArrayList<>()).add(value);
        LOG.info("{}: {}", scenario, String.format("%.1f", value));
    }

    private static double ms(final Histogram micros, final double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double median(final List<Double> runs) {
        return new Figure("", "", runs, null, true, null).median();
    }

    /** How much load: the full benchmark, or a smoke run of a few seconds. */
    private enum Load {
        FULL(20_000, 5_000, 60_000, 32, 200_000, Duration.ofSeconds(5), Duration.ofSeconds(15)),
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
            return (int) (Math.max(50, 250) * warmup.toSeconds() * 1.1) + 10;
        }
    }
}
