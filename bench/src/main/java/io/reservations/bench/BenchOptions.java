package io.reservations.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The bench's command line: what to run, against which service, and how hard. */
final class BenchOptions {

    @Option(names = "--smoke", description = "A few seconds of tiny load, to prove the tool works")
    boolean smoke;

    @Option(names = "--runs", description = "Runs per figure (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--service-jar", description = "The service to start when no --api is given (default: ${DEFAULT-VALUE})")
    Path serviceJar = Path.of("local-service/target/local-service.jar");

    @Option(names = "--api", description = "Base URL of a running service; with --bootstrap and --token")
    String api;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers of that service")
    String bootstrap;

    @Option(names = "--token", description = "A bearer token with reservations:write for that service")
    String token;

    @Option(names = "--out", description = "Directory for the results (default: bench/results/<time>)")
    Path out;

    @Option(names = "--jfr", description = "Record a Java Flight Recorder profile of the service into the results")
    boolean jfr;

    @Option(names = "--only-references", description = "Only the raw producer and the exactly-once app")
    boolean onlyReferences;

    @Option(names = "--only-pipeline", description = "Only the pipeline scenarios and the references, for tuning")
    boolean onlyPipeline;

    @Option(names = "--only-targets", description = "Only the figures of issue 23's targets: pipeline, CPU per saga, "
            + "hot window, REST at 1 client, REST open loop at half the pipeline's rate, and the references")
    boolean onlyTargets;

    @Option(names = "--skip-references", description = "Leave out the references: for an A/B of two service builds, "
            + "which compares the service's own figures (its CPU per saga above all)")
    boolean skipReferences;

    @Option(names = "--service-jvm-arg", description = "An option for the started service's JVM, e.g. "
            + "-Dreservations.streams.commit.interval.ms=100 (repeatable)")
    List<String> serviceJvmArgs = new ArrayList<>();

    @Option(names = "--render", description = "Only write the report again from this result.json (after a fix of the report)")
    Path render;

    @Option(names = "--commit-ms", description = "Commit interval of the service and of the bare saga reference "
            + "(default: ${DEFAULT-VALUE})")
    long commitMs = 10;

    @Option(names = "--hot-resources", description = "Resources of the hot window (default: ${DEFAULT-VALUE})")
    int hotResources = 10_000;

    @Option(names = "--skip-rest", description = "Leave out the REST scenarios")
    boolean skipRest;

    @Option(names = "--only-listings", description = "Only the listing latencies")
    boolean onlyListings;

    @Option(names = "--only-rest", description = "Only the REST scenarios (--rates or the closed-loop curve), after a "
            + "REST warm-up: to profile the HTTP path")
    boolean onlyRest;

    @Option(names = "--skip-listings", description = "Leave out the listing latencies")
    boolean skipListings;

    @Option(names = "--only-waitlist", description = "Only the pipeline (the plain select rate of the same run), the "
            + "waitlist's promotion latency and churn, and the references")
    boolean onlyWaitlist;

    @Option(names = "--only-bundles", description = "Only the pipeline (the plain select rate of the same run), "
            + "bundles of 2 and 5 one at a time against one select at a time, a burst of bundles of 2, and the references")
    boolean onlyBundles;

    @Option(names = "--only-streams", description = "Only the pipeline, then 500 open change streams: the CPU they "
            + "add at rest, and a select's delivery to them under the pipeline load (needs the started service)")
    boolean onlyStreams;

    @Option(names = "--stream-load", description = "The change streams' background load, as a fraction of the run's "
            + "pipeline rate (default: ${DEFAULT-VALUE}, the REST open loop's target load)")
    double streamLoad = 0.5;

    @Option(names = "--rates", split = ",", description = "Open-loop rates per second, instead of the closed-loop "
            + "curve and fractions of its peak (see --fractions)")
    List<Integer> rates;

    @Option(names = "--fractions", split = ",", description = "Open-loop rates as fractions of the closed-loop peak "
            + "(default: ${DEFAULT-VALUE})")
    List<Double> fractions = List.of(0.25, 0.5);

    @Option(names = "--connections", description = "Connections the REST load may hold open at once "
            + "(default: ${DEFAULT-VALUE})")
    int connections = 256;

    @Option(names = "--clients", split = ",", description = "Client counts of the closed-loop curve (default: ${DEFAULT-VALUE})")
    List<Integer> clients = List.of(1, 8, 32, 128);

    @Option(names = "--hops", description = "Records per exactly-once hop latency reference (default: ${DEFAULT-VALUE})")
    int hopRecords = 200;
}
