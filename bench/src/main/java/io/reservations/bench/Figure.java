package io.reservations.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured quantity over several runs, with its target when the project has one.
 *
 * @param higherIsBetter whether the target is a floor (throughput) or a ceiling (latency)
 */
record Figure(String scenario, String unit, List<Double> runs, Double target, boolean higherIsBetter, String reference) {

    Figure {
        runs = List.copyOf(runs);
    }

    double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double median() {
        final List<Double> sorted = new ArrayList<>(runs);
        sorted.sort(Double::compare);
        final int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Whether the median meets the target; null without one. */
    Boolean met() {
        if (target == null) {
            return null;
        }
        return higherIsBetter ? median() >= target : median() <= target;
    }
}
