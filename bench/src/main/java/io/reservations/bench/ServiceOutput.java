package io.reservations.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The started service's console, read on a thread of its own: the admin token it prints, and its last lines. */
final class ServiceOutput {

    private static final String TOKEN_LINE = "export TOKEN=";
    private static final int KEPT_LINES = 40;

    private final CompletableFuture<String> token = new CompletableFuture<>();
    private final Deque<String> lastLines = new ConcurrentLinkedDeque<>();

    private ServiceOutput() {
    }

    static ServiceOutput follow(final InputStream console) {
        final ServiceOutput output = new ServiceOutput();
        final Thread reader = new Thread(() -> output.read(console), "service-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    /** The admin token the service printed, waiting for it up to 30 s. */
    String adminToken() throws InterruptedException {
        try {
            return token.get(30, TimeUnit.SECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The service printed no admin token", e);
        }
    }

    String lastLines() {
        return String.join("\n", lastLines);
    }

    private void read(final InputStream console) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(console, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lastLines.addLast(line);
                if (lastLines.size() > KEPT_LINES) {
                    lastLines.pollFirst();
                }
                final int at = line.indexOf(TOKEN_LINE);
                if (at >= 0) {
                    token.complete(line.substring(at + TOKEN_LINE.length()).trim());
                }
            }
        } catch (final IOException e) {
            token.completeExceptionally(e);
        }
    }
}
