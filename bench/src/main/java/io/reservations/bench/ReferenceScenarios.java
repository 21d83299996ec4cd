package io.reservations.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same-run references: a raw producer, a minimal exactly-once app, the bare saga topology (without and with
 * the contract's records), PostgreSQL where installed, and the latency floor of 1 and 3 exactly-once hops.
 */
final class ReferenceScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceScenarios.class);

    /** The bare topology with the contract's records fed at the REST open loop's fixed rate. */
    static final String PACED = "reference: bare saga topology with the contract's records at the REST open loop's rate";

    private ReferenceScenarios() {
    }

    /**
     * @param brokerCpu the CPU time the broker's process has used so far (the bare topology's CPU per saga adds it)
     * @param fixedRate the REST open loop's rate at half the pipeline's, if it ran: the bare topology with the
     *                  contract's records is also fed at that rate, for its CPU per saga beside the REST path's
     */
    static void run(final String bootstrap, final Load load, final boolean smoke, final int runCount, final long commitMs,
                    final int hopRecords, final Supplier<Duration> brokerCpu, final OptionalDouble fixedRate,
                    final Measurements measured) throws Exception {
        LOG.info("References");
        final Path state = Files.createTempDirectory("bench-reference");
        // the bare topology runs in this JVM: warm its code up as the service was warmed up (not counted)
        BareSaga.run(bootstrap, load.sagas / 2, commitMs, state.resolve("bare-warm-up"), true, brokerCpu);
        for (int run = 1; run <= runCount; run++) {
            final String topic = References.topic(bootstrap);
            measured.add("reference: raw producer", References.rawProducer(bootstrap, topic, load.referenceRecords));
            measured.add("reference: exactly-once Streams app", References.exactlyOnceApp(bootstrap, topic,
                    load.referenceRecords, 50, state.resolve("run-" + run)));
            // the way it is fastest: a warm JVM, a burst of at least 100,000 sagas (Load.bareSagas)
            final BareSaga.Run bare = BareSaga.run(bootstrap, load.bareSagas, commitMs, state.resolve("bare-" + run),
                    false, brokerCpu);
            measured.add("reference: bare saga topology", bare.rate());
            measured.add("reference: bare saga topology, CPU per saga", bare.cpuPerSaga());
            final BareSaga.Run contract = BareSaga.run(bootstrap, load.bareSagas, commitMs,
                    state.resolve("bare-contract-" + run), true, brokerCpu);
            measured.add("reference: bare saga topology with the contract's records", contract.rate());
            measured.add("reference: bare saga topology with the contract's records, CPU per saga", contract.cpuPerSaga());
            if (fixedRate.isPresent()) {
                final int rate = (int) fixedRate.getAsDouble();
                final BareSaga.Run paced = BareSaga.run(bootstrap, Math.min(load.bareSagas, rate * 45), commitMs,
                        state.resolve("bare-paced-" + run), true, brokerCpu, rate);
                measured.add(PACED + ", rate", paced.rate());
                measured.add(PACED + ", CPU per saga", paced.cpuPerSaga());
            }
            if (!smoke) {
                PostgresReference.run(load.sagas, 8, 50).ifPresent(rate -> measured.add("reference: PostgreSQL, 8 clients", rate));
            }
            for (final int hops : List.of(1, 3)) {
                final Histogram floor = HopFloor.measure(bootstrap, hops, smoke ? 20 : hopRecords, commitMs,
                        state.resolve("hops-" + hops + "-" + run));
                final String name = "reference: " + hops + " exactly-once hop" + (hops == 1 ? "" : "s");
                measured.add(name + " p50", Measurements.ms(floor, 50));
                measured.add(name + " p99", Measurements.ms(floor, 99));
            }
        }
    }
}
