package io.reservations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the cluster as an operating-system process, with the signals the faults need: SIGKILL (kill -9),
 * SIGTERM (a clean stop), SIGSTOP and SIGCONT. Its output is appended to a log file across restarts.
 */
final class JvmProcess {

    /** Runs any main class of the service jar: {@code java -cp service.jar -Dloader.main=<class> <this>}. */
    static final String SERVICE_JAR_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    JvmProcess(final String name, final List<String> jvmOptions, final List<String> mainAndArguments, final Path log) {
        this.name = name;
        this.log = log;
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(mainAndArguments);
        this.command = List.copyOf(command);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "---- start " + String.join(" ", command) + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook runs, no group is left, no transaction is closed. */
    synchronized void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /**
     * SIGTERM and wait: the process shuts down as an operator would stop it.
     *
     * @return true when it exited by itself within the grace period, false when it had to be killed
     */
    synchronized boolean stop(final int graceSeconds) {
        if (!alive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(graceSeconds)) {
            return true;
        }
        kill();
        return false;
    }

    /** SIGSTOP: the process is frozen, heartbeats and all, but keeps its sockets: a zombie once resumed. */
    synchronized void pause() {
        signal("STOP");
    }

    /** SIGCONT. */
    synchronized void resume() {
        signal("CONT");
    }

    /** SIGQUIT: a live JVM prints every thread's stack to its log and runs on. */
    synchronized void dumpThreads() {
        if (process != null && process.isAlive()) {
            signal("QUIT");
        }
    }

    private void signal(final String signal) {
        try {
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean awaitExit(final int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Where the log ends now: {@link #logSince(long)} reads what the process writes from here on. */
    long logLength() {
        try {
            return Files.size(log);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logSince(final long offset) {
        try {
            final byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the log, for a failure message. */
    String tail(final int lines) {
        try {
            final List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (final IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
