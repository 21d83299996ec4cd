package io.reservations.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every value measured, by scenario in the order first measured, and the figures and references they make. */
final class Measurements {

    private static final Logger LOG = LoggerFactory.getLogger(Measurements.class);

    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    static Measurements of(final List<Figure> figures) {
        final Measurements measurements = new Measurements();
        figures.forEach(figure -> measurements.values.put(figure.scenario(), new ArrayList<>(figure.runs())));
        return measurements;
    }

    void add(final String scenario, final double value) {
        values.computeIfAbsent(scenario, key -> new ArrayList<>()).add(value);
        LOG.info("{}: {}", scenario, String.format("%.3f", value));
    }

    /** The median of a scenario's values so far, if it ran. */
    OptionalDouble median(final String scenario) {
        final List<Double> runs = values.get(scenario);
        return runs == null || runs.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(new Figure("", "", runs, null, true, null).median());
    }

    static double ms(final Histogram micros, final double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The references the report divides by, measured in the same run. */
    Map<String, Double> references() {
        final Map<String, Double> references = new LinkedHashMap<>();
        reference(references, "raw producer", "reference: raw producer", 1);
        reference(references, "EOS app / 3", "reference: exactly-once Streams app", 3);
        reference(references, "3-hop floor p50", "reference: 3 exactly-once hops p50", 1);
        reference(references, "bare saga topology", "reference: bare saga topology", 1);
        reference(references, "bare CPU per saga", "reference: bare saga topology, CPU per saga", 1);
        reference(references, "bare CPU per saga at that rate", ReferenceScenarios.PACED + ", CPU per saga", 1);
        reference(references, "pipeline", "pipeline, cross-partition", 1);
        reference(references, "single select p50", BundleScenarios.SELECT + " p50", 1);
        return references;
    }

    private void reference(final Map<String, Double> references, final String name, final String scenario, final int divisor) {
        if (values.containsKey(scenario)) {
            references.put(name, new Figure("", "", values.get(scenario), null, true, null).median() / divisor);
        }
    }

    /** The targets are ratios within one run (docs/PERFORMANCE.md): the report gives each figure's ratio. */
    List<Figure> figures() {
        final List<Figure> figures = new ArrayList<>();
        final Map<String, Double> references = references();
        values.forEach((scenario, runs) -> {
            final boolean latency = scenario.matches(".* (p[0-9.]+|max)$");
            final boolean errors = scenario.endsWith("errors");
            final String unit = unit(scenario, latency, errors);
            String reference = null;
            if (scenario.contains("CPU per saga")) {
                reference = scenario.startsWith("service") ? "bare CPU per saga"
                        : scenario.startsWith(ServiceScenarios.PIPELINE_HALF) ? "bare CPU per saga at that rate" : null;
            } else if (unit.equals("sagas/s") && (scenario.startsWith("pipeline") || scenario.startsWith("hot window")
                    || scenario.startsWith("reference: bare saga topology with"))) {
                reference = "bare saga topology";
            } else if (scenario.equals("REST closed loop, 1 clients p50")
                    || scenario.equals(WaitlistScenarios.PROMOTION + " p50")) {
                reference = "3-hop floor p50";
            } else if (scenario.equals(WaitlistScenarios.CHURN) || scenario.equals(BundleScenarios.BURST)) {
                reference = "pipeline"; // the plain select rate of the same run
            } else if (scenario.startsWith(BundleScenarios.BUNDLE) && scenario.endsWith(" p50")) {
                reference = "single select p50";
            }
            figures.add(new Figure(scenario, unit, runs,
                    errors ? Double.valueOf(0.0) : target(scenario, references),
                    !latency && !errors && !scenario.contains("CPU"), reference));
        });
        return figures;
    }

    /**
     * Issue 23's targets, as absolute figures of this run: CPU per saga at most 0.6 ms and 2.5 times the bare
     * topology's; the REST select at one client within 1.2 times the 3-hop floor; the open loop at half the
     * pipeline's rate within 250 ms at p99.
     */
    private static Double target(final String scenario, final Map<String, Double> references) {
        if (scenario.equals("service CPU per saga, cross-partition")) {
            return references.containsKey("bare CPU per saga")
                    ? Math.min(0.6, 2.5 * references.get("bare CPU per saga")) : 0.6;
        }
        if (scenario.equals("REST closed loop, 1 clients p50") && references.containsKey("3-hop floor p50")) {
            return 1.2 * references.get("3-hop floor p50");
        }
        if (scenario.equals(ServiceScenarios.PIPELINE_HALF + " p99")) {
            return 250.0;
        }
        // issue 27's: a bundle of 2 at least 0.3 of the select's rate, its light-load p50 at most twice the select's
        if (scenario.equals(BundleScenarios.BURST) && references.containsKey("pipeline")) {
            return 0.3 * references.get("pipeline");
        }
        if (scenario.equals(BundleScenarios.BUNDLE + ", 2 items p50") && references.containsKey("single select p50")) {
            return 2 * references.get("single select p50");
        }
        return null;
    }

    private static String unit(final String scenario, final boolean latency, final boolean errors) {
        if (scenario.endsWith(", seconds")) {
            return "s";
        }
        if (errors || scenario.endsWith("connections")) {
            return "count";
        }
        if (latency || scenario.endsWith(" mean")) {
            return "ms";
        }
        if (scenario.endsWith(" CPU") || scenario.endsWith("blocked share")) {
            return scenario.endsWith(" CPU") ? "cores" : "share of time";
        }
        if (scenario.endsWith("per commit") || scenario.endsWith("per second")) {
            return scenario.endsWith("per commit") ? "records" : "commits/s";
        }
        if (scenario.contains("CPU per saga")) {
            return "ms CPU";
        }
        if (scenario.startsWith("bundles")) {
            return "bundles/s";
        }
        if (scenario.startsWith("pipeline") || scenario.startsWith("hot") || scenario.startsWith("waitlist churn")
                || scenario.startsWith("reference: bare")
                || scenario.startsWith("reference: PostgreSQL") || scenario.equals(StreamScenarios.BACKGROUND)) {
            return "sagas/s";
        }
        return scenario.startsWith("REST") ? "requests/s" : "records/s";
    }
}
