package io.reservations.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Option(names = "--only-targets", description = "Only the figures of issue 23's targets: pipeline, CPU per saga, "
            + "hot window, REST at 1 client, REST open loop at half the pipeline's rate, and the references")
    private boolean onlyTargets;

    @Option(names = "--skip-references", description = "Leave out the references: for an A/B of two service builds, "
            + "which compares the service's own figures (its CPU per saga above all)")
    private boolean skipReferences;

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

    @Option(names = "--only-listings", description = "Only the listing latencies")
    private boolean onlyListings;

    @Option(names = "--only-rest", description = "Only the REST scenarios (--rates or the closed-loop curve), after a "
            + "REST warm-up: to profile the HTTP path")
    private boolean onlyRest;

    @Option(names = "--skip-listings", description = "Leave out the listing latencies")
    private boolean skipListings;

    @Option(names = "--rates", split = ",", description = "Open-loop rates per second, instead of the closed-loop "
            + "curve and fractions of its peak (see --fractions)")
    private List<Integer> rates;

    @Option(names = "--fractions", split = ",", description = "Open-loop rates as fractions of the closed-loop peak "
            + "(default: ${DEFAULT-VALUE})")
    private List<Double> fractions = List.of(0.25, 0.5);

    @Option(names = "--connections", description = "Connections the REST load may hold open at once "
            + "(default: ${DEFAULT-VALUE})")
    private int connections = 256;

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
            Report.rewrite(render);
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
        try (Cluster cluster = new Cluster(service != null ? service.bootstrap() : bootstrap);
             Rest rest = new Rest(service != null ? service.apiUrl() : api, service != null ? service.token() : token,
                     connections, service != null ? service::cpu : () -> java.time.Duration.ZERO)) {
            final String session = Long.toString(System.currentTimeMillis(), 36);

            final Measurements measured = new Measurements();
            if (!onlyReferences) {
                new ServiceScenarios(cluster, rest, service, new ServiceScenarios.Options(smoke, onlyPipeline,
                        onlyTargets, onlyListings, onlyRest, skipRest, skipListings, hotResources, clients, rates, fractions), load, measured).run(session, runCount);
            }
            if (!onlyListings && !onlyRest && !skipReferences) {
                ReferenceScenarios.run(cluster.bootstrap(), load, smoke, runCount, commitMs, hopRecords,
                        service != null ? service::cpu : () -> java.time.Duration.ZERO,
                        measured.median(ServiceScenarios.PIPELINE_HALF + ", rate"), measured);
            }

            final List<Figure> figures = measured.figures();
            final Map<String, Double> references = measured.references();
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
}
