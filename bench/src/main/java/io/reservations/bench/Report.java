package io.reservations.bench;

import io.reservations.topics.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's figures as JSON, a markdown table, and SVG charts (throughput; latency percentiles). */
final class Report {

    record Result(Instant at, Map<String, Object> settings, List<Figure> figures) {
    }

    private Report() {
    }

    /** Writes the report of an earlier run again from its result.json (after a fix of the report), and prints it. */
    static void rewrite(final Path resultJson) throws IOException {
        final Result previous = Json.mapper().readValue(resultJson.toFile(), Result.class);
        final Measurements measured = Measurements.of(previous.figures());
        final Result result = new Result(previous.at(), previous.settings(), measured.figures());
        write(resultJson.toAbsolutePath().getParent(), result, measured.references());
        System.out.println(markdown(result, measured.references()));
    }

    static void write(final Path directory, final Result result, final Map<String, Double> references) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("result.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Files.writeString(directory.resolve("result.md"), markdown(result, references));
        Files.writeString(directory.resolve("throughput.svg"), chart("Throughput (median, min-max)",
                result.figures().stream().filter(f -> f.unit().endsWith("/s")).toList()));
        Files.writeString(directory.resolve("latency.svg"), chart("Latency in ms (median, min-max)",
                result.figures().stream().filter(f -> f.unit().equals("ms")).toList()));
    }

    static String markdown(final Result result, final Map<String, Double> references) {
        final StringBuilder md = new StringBuilder();
        md.append("Run at ").append(result.at()).append(", settings ").append(result.settings()).append("\n\n");
        md.append("| scenario | unit | min | median | max | target | met | ratio to reference |\n");
        md.append("|---|---|---:|---:|---:|---:|---|---|\n");
        for (final Figure figure : result.figures()) {
            final Double reference = figure.reference() == null ? null : references.get(figure.reference());
            md.append("| ").append(figure.scenario()).append(" | ").append(figure.unit())
                    .append(" | ").append(format(figure.min())).append(" | ").append(format(figure.median()))
                    .append(" | ").append(format(figure.max())).append(" | ")
                    .append(figure.target() == null ? "" : (figure.higherIsBetter() ? "≥ " : "≤ ") + format(figure.target()))
                    .append(" | ").append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**")
                    .append(" | ").append(reference == null ? "" : String.format(Locale.ROOT, "%.2f of %s", figure.median() / reference, figure.reference()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String format(final double value) {
        return Double.isNaN(value) ? "" : value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Horizontal bars, one per figure: the median, with a line from min to max. */
    static String chart(final String title, final List<Figure> figures) {
        final int rowHeight = 26;
        final int labelWidth = 330;
        final int barWidth = 420;
        final int height = 40 + rowHeight * Math.max(1, figures.size());
        final double scale = figures.stream().mapToDouble(Figure::max).max().orElse(1);
        final StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + barWidth + 120)
                .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<text x=\"10\" y=\"20\" font-weight=\"bold\">").append(title).append("</text>\n");
        int y = 35;
        for (final Figure figure : figures) {
            final double median = figure.median() / scale * barWidth;
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 14, escape(figure.scenario())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>%n",
                    labelWidth, y + 2, median, figure.met() == null ? "#7a9cc6" : figure.met() ? "#5aa469" : "#d9534f"));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    labelWidth + figure.min() / scale * barWidth, labelWidth + figure.max() / scale * barWidth, y + 10, y + 10));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s %s</text>%n",
                    labelWidth + figure.max() / scale * barWidth + 6, y + 14, format(figure.median()), figure.unit()));
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
