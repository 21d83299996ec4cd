package io.reservations.processor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of a {@code text/event-stream} (the change streams of the service's tests and of the fault suite): the
 * events it receives, as they come, until the stream ends or the client closes it.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event: its id (null when none), its name ("message" when none) and its data lines joined. */
    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private EventStreamClient(final HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param lastEventId sent as {@code Last-Event-ID}, or null */
    public static EventStreamClient open(final String url, final String token, final String lastEventId) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStreamClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, waiting up to {@code wait}; null when none came. */
    public Event next(final Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every event that came and was not taken yet. */
    public List<Event> drain() {
        final List<Event> taken = new ArrayList<>();
        events.drainTo(taken);
        return taken;
    }

    /** Whether the stream has ended (the server closed it, or this client did). */
    public boolean ended() {
        return !reader.isAlive();
    }

    private void read() {
        String id = null;
        String name = null;
        final StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (final String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
                }
            }
        } catch (final UncheckedIOException closed) {
            // the stream ended or this client closed it
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
