package io.reservations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, as markdown: what was injected, how long recovery took, what the verifier found. */
final class Report {

    /** Commands for a dead processor's or broker's partitions complete again within this (issue 4). */
    static final Duration RECOVERY_TARGET = Duration.ofSeconds(10);

    private final String suite;
    private final Instant started = Instant.now();
    private final List<String> steps = new ArrayList<>();
    private final List<String> faults = new ArrayList<>();
    private final List<String> stalls = new ArrayList<>();
    private final List<String> overTarget = new ArrayList<>();
    private final Map<String, Object> load = new LinkedHashMap<>();
    private final Map<String, Object> invariants = new LinkedHashMap<>();

    Report(final String suite) {
        this.suite = suite;
    }

    synchronized void step(final String what, final Duration took) {
        steps.add("| " + what + " | " + seconds(took) + " |");
    }

    synchronized int faults() {
        return faults.size();
    }

    synchronized void fault(final String what, final List<Integer> partitions, final Duration recovery, final Duration whole) {
        final boolean over = recovery.compareTo(RECOVERY_TARGET) > 0;
        faults.add("| " + (faults.size() + 1) + " | " + what + " | " + partitions + " | " + seconds(recovery)
                + (over ? " (over the 10 s target)" : "") + " | " + seconds(whole) + " |");
        if (over) {
            overTarget.add(what + ": " + seconds(recovery) + " s");
        }
    }

    /** The faults after which commands took longer than {@link #RECOVERY_TARGET} to complete again. */
    synchronized List<String> recoveriesOverTarget() {
        return List.copyOf(overTarget);
    }

    /** The stretches without any final answer, each "| from | seconds |". */
    synchronized List<String> stalls() {
        return List.copyOf(stalls);
    }

    /** A time without any final answer under load (see {@link StallWatch}); the services' thread dumps are in their logs. */
    synchronized void stall(final Instant from, final Duration took) {
        stalls.add("| " + from + " | " + seconds(took) + " |");
    }

    synchronized void load(final Ledger ledger) {
        load.put("final answers", ledger.commands());
        load.put("final answers by HTTP status", ledger.answersByStatus());
        load.put("commands that needed a retry (same Idempotency-Key)", ledger.retried());
        load.put("answers the contract does not allow", ledger.violations().size());
    }

    synchronized void invariants(final Map<String, Object> figures) {
        invariants.putAll(figures);
        invariants.put("result", "all invariants hold");
    }

    synchronized void write(final Path file) {
        final StringBuilder md = new StringBuilder();
        md.append("# Fault-injection run (").append(suite).append(" suite), ").append(started).append("\n\n");
        md.append("| step | seconds |\n|---|---|\n");
        steps.forEach(line -> md.append(line).append('\n'));
        md.append("\n## Faults\n\n");
        md.append("| # | fault | command partitions affected | commands complete again after (s) | fault to restored (s) |\n");
        md.append("|---|---|---|---|---|\n");
        faults.forEach(line -> md.append(line).append('\n'));
        md.append("\n## Stalls (no final answer for ").append(StallWatch.STALL.toSeconds()).append(" s or more)\n\n");
        if (stalls.isEmpty()) {
            md.append("- none\n");
        } else {
            md.append("| from | seconds |\n|---|---|\n");
            stalls.forEach(line -> md.append(line).append('\n'));
            md.append("\nEvery service's threads were dumped into its log 30 s into each stall.\n");
        }
        md.append("\n## Load\n\n");
        load.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Verifier\n\n");
        if (invariants.isEmpty()) {
            md.append("- did not complete: see the test's failure\n");
        }
        invariants.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(md);
    }

    private static String seconds(final Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
