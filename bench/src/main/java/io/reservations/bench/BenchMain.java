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
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The benchmark: pipeline sagas (cross- and same-partition), REST closed and open loop, and a hot window, next to
 * a raw producer and a minimal exactly-once Streams app on the same broker. Each figure from several runs after a
 * warm-up that is not counted. Its options are in {@link BenchOptions}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the reservation service.")
public final class BenchMain implements Callable<Integer> {

    @Mixin
    private BenchOptions o;

    public static void main(final String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (o.render != null) {
            Report.rewrite(o.render);
            return 0;
        }
        final Load load = o.smoke ? Load.SMOKE : Load.FULL;
        final int runCount = o.smoke ? 1 : o.runs;
        final Path results = o.out != null ? o.out : Path.of("bench", "results",
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(results);
        final List<String> jvmArgs = serviceJvmArgs(results);
        final ServiceProcess service = o.api == null ? ServiceProcess.start(o.serviceJar.toAbsolutePath(), jvmArgs) : null;
        final Supplier<Duration> serviceCpu = service != null ? service::cpu : () -> Duration.ZERO;
        try (Cluster cluster = new Cluster(service != null ? service.bootstrap() : o.bootstrap);
             Rest rest = new Rest(service != null ? service.apiUrl() : o.api, service != null ? service.token() : o.token,
                     o.connections, serviceCpu)) {
            final String session = Long.toString(System.currentTimeMillis(), 36);
            final Measurements measured = new Measurements();
            if (!o.onlyReferences) {
                new ServiceScenarios(cluster, rest, service, new ServiceScenarios.Options(o.smoke, o.onlyPipeline,
                        o.onlyTargets, o.onlyListings, o.onlyRest, o.onlyWaitlist, o.onlyBundles, o.onlyStreams, o.streamLoad, o.skipRest, o.skipListings, o.hotResources,
                        o.clients, o.rates, o.fractions), load, measured).run(session, runCount);
            }
            if (!o.onlyListings && !o.onlyRest && !o.skipReferences) {
                ReferenceScenarios.run(cluster.bootstrap(), load, o.smoke, runCount, o.commitMs, o.hopRecords,
                        serviceCpu, measured.median(ServiceScenarios.PIPELINE_HALF + ", rate"), measured);
            }
            final List<Figure> figures = measured.figures();
            final Report.Result result = new Report.Result(Instant.now(),
                    settings(load, runCount, service != null, jvmArgs), figures);
            Report.write(results, result, measured.references());
            System.out.println(Report.markdown(result, measured.references()));
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

    private List<String> serviceJvmArgs(final Path results) {
        final List<String> jvmArgs = new ArrayList<>(o.serviceJvmArgs);
        jvmArgs.add("-Dreservations.streams.commit.interval.ms=" + o.commitMs);
        if (o.jfr) {
            jvmArgs.add("-XX:StartFlightRecording=filename=" + results.toAbsolutePath().resolve("service.jfr")
                    + ",settings=profile,dumponexit=true");
        }
        return jvmArgs;
    }

    /** What the report says about how it was measured. */
    private Map<String, Object> settings(final Load load, final int runCount, final boolean started,
                                         final List<String> jvmArgs) {
        final Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("load", load.name());
        settings.put("runs", runCount);
        settings.put("warmup_s", load.warmup.toSeconds());
        settings.put("duration_s", load.duration.toSeconds());
        settings.put("cores", Runtime.getRuntime().availableProcessors());
        settings.put("service", started ? "local service (" + o.serviceJar + ")" : o.api);
        settings.put("service_jvm_args", jvmArgs);
        settings.put("commit_ms", o.commitMs);
        return settings;
    }
}
