package io.reservations.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local service as a user runs it (its own JVM: broker, processor and API together), on a fresh data
 * directory and free ports, with authentication on: the admin token it prints is what the benchmark sends.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);

    private final Process process;
    private final String apiUrl;
    private final String bootstrap;
    private final String token;

    private ServiceProcess(final Process process, final String apiUrl, final String bootstrap, final String token) {
        this.process = process;
        this.apiUrl = apiUrl;
        this.bootstrap = bootstrap;
        this.token = token;
    }

    /** @param jvmArgs options for the service's JVM, such as a flight recording */
    static ServiceProcess start(final Path jar, final List<String> jvmArgs) throws IOException, InterruptedException {
        final Path data = Files.createTempDirectory("bench-data");
        final int httpPort = freePort();
        final int kafkaPort = freePortPair();
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + httpPort, "--reservations.data-dir=" + data,
                "--reservations.kafka.local-port=" + kafkaPort,
                // the load comes from one admin token, which the service as it ships limits at 10,000/s (the admin
                // role's rate); a build from before role rates needs --service-jvm-arg
                // -Dreservations.api.rate-limit.enabled=false
                // the pipeline scenarios send every select at once: the last sagas wait behind the whole burst, far
                // longer than the default 30 s deadline, and would be rejected; the bench measures completed sagas
                "--reservations.processor.selection-timeout=10m"));
        LOG.info("Starting the service: {}", String.join(" ", command));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final ServiceOutput output = ServiceOutput.follow(process.getInputStream());
        final String apiUrl = "http://localhost:" + httpPort;
        try {
            awaitReady(apiUrl, process);
        } catch (final IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; its last output:\n" + output.lastLines(), e);
        }
        final String admin = output.adminToken();
        return new ServiceProcess(process, apiUrl, "localhost:" + kafkaPort, admin);
    }

    private static void awaitReady(final String apiUrl, final Process process) throws InterruptedException {
        final HttpClient http = HttpClient.newHttpClient();
        final Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with status " + process.exitValue());
            }
            try {
                final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(apiUrl + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (final IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500); // polling a child process that has no other signal of readiness
        }
        throw new IllegalStateException("The service did not become ready");
    }

    String apiUrl() {
        return apiUrl;
    }

    String bootstrap() {
        return bootstrap;
    }

    String token() {
        return token;
    }

    /** CPU time the service's process (broker, processor and API together) has used so far. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: a clean shutdown
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** A free port whose successor is free too: the local broker's controller listens on port + 1. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            final int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (final IOException taken) {
                // try another
            }
        }
        throw new IOException("No two consecutive free ports found");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
