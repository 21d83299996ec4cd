package io.reservations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL server of Debian's package on a fresh data directory, fsync on, for one reference run. */
final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path data;
    private final int port;

    private PostgresServer(final Path bin, final Path data, final int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** A started server, or empty where none is installed or it cannot start here. */
    static Optional<PostgresServer> start() throws IOException, InterruptedException {
        final Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            LOG.info("No PostgreSQL server under {}: its reference is left out", VERSIONS);
            return Optional.empty();
        }
        final PostgresServer server = new PostgresServer(bin.get(), Files.createTempDirectory("bench-postgres"),
                20_000 + (int) (ProcessHandle.current().pid() % 10_000));
        try {
            exec("chown", "postgres", server.data.toString());
            server.asPostgres("initdb", "-D", server.db(), "-A", "trust", "-U", "bench");
            server.asPostgres("pg_ctl", "-D", server.db(),
                    "-o", "-p " + server.port + " -k " + server.data + " -c fsync=on -c synchronous_commit=on",
                    "-l", server.data.resolve("server.log").toString(), "-w", "start");
            return Optional.of(server);
        } catch (final IOException | IllegalStateException e) {
            LOG.info("Cannot start PostgreSQL here ({}): its reference is left out", e.getMessage());
            exec("rm", "-rf", server.data.toString());
            return Optional.empty();
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=bench";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asPostgres("pg_ctl", "-D", db(), "-m", "fast", "-w", "stop");
        } finally {
            exec("rm", "-rf", data.toString());
        }
    }

    private String db() {
        return data.resolve("db").toString();
    }

    private void asPostgres(final String tool, final String... arguments) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", bin.resolve(tool).toString()));
        command.addAll(List.of(arguments));
        exec(command.toArray(String[]::new));
    }

    private static Optional<Path> binaries() throws IOException {
        if (!Files.isDirectory(VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Path::compareTo);
        }
    }

    /** Runs a command to its end; its output goes to a file, since a server it starts may keep a pipe open. */
    private static void exec(final String... command) throws IOException, InterruptedException {
        final Path output = Files.createTempFile("bench-postgres", ".out");
        try {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
