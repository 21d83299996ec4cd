package io.reservations.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        LOG.info("{}: {}", scenario, String.format("%.1f", value));
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
        values.forEach((scenario, runs) -> {
            final boolean latency = scenario.matches(".* (p[0-9.]+|max)$");
            final boolean errors = scenario.endsWith("errors");
            String reference = null;
            if (scenario.startsWith("pipeline") || scenario.startsWith("hot window")
                    || scenario.startsWith("reference: bare saga topology with")) {
                reference = "bare saga topology";
            } else if (scenario.equals("REST closed loop, 1 clients p50")) {
                reference = "3-hop floor p50";
            }
            figures.add(new Figure(scenario, unit(scenario, latency, errors), runs, errors ? 0.0 : null,
                    !latency && !errors && !scenario.startsWith("service CPU"), reference));
        });
        return figures;
    }

    private static String unit(final String scenario, final boolean latency, final boolean errors) {
        if (errors) {
            return "count";
        }
        if (latency) {
            return "ms";
        }
        if (scenario.startsWith("service CPU")) {
            return "ms CPU";
        }
        if (scenario.startsWith("pipeline") || scenario.startsWith("hot") || scenario.startsWith("reference: bare")
                || scenario.startsWith("reference: PostgreSQL")) {
            return "sagas/s";
        }
        return scenario.startsWith("REST") ? "requests/s" : "records/s";
    }
}
