package io.reservations.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Many {@code GET /windows/{id}/changes} streams held open by one JDK HttpClient (one selector thread for all of
 * them), noting when each stream sees each reservation's {@code ResourceAllocated}.
 */
final class ChangeStreamClients implements AutoCloseable {

    private static final Pattern RESERVATION = Pattern.compile("\"reservation_id\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<CompletableFuture<?>> streams = new ArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> allocatedAt = new ConcurrentHashMap<>();
    private final List<Flow.Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final int perWindow;
    private CountDownLatch snapshots;
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    private ChangeStreamClients(final int perWindow) {
        this.perWindow = perWindow;
    }

    /** Opens {@code perWindow} streams on each window and returns once every one has had its snapshot. */
    static ChangeStreamClients open(final String apiUrl, final String token, final List<String> windows,
                                    final int perWindow) throws InterruptedException {
        final ChangeStreamClients clients = new ChangeStreamClients(perWindow);
        clients.snapshots = new CountDownLatch(windows.size() * perWindow);
        for (final String window : windows) {
            for (int i = 0; i < perWindow; i++) {
                final HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/windows/" + window + "/changes"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
                clients.streams.add(clients.http.sendAsync(request,
                        HttpResponse.BodyHandlers.fromLineSubscriber(clients.new Lines())));
            }
        }
        if (!clients.snapshots.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(clients.snapshots.getCount() + " change streams had no snapshot in 2 minutes");
        }
        return clients;
    }

    int open() {
        return streams.size();
    }

    /** Every stream's delay from the select's send to its event; waits until each probe reached every stream. */
    Histogram awaitDeliveries(final Map<String, Long> sentAt, final Duration within) {
        final long deadline = System.nanoTime() + within.toNanos();
        while (sentAt.keySet().stream().anyMatch(probe -> arrivals(probe).size() < perWindow)) {
            if (System.nanoTime() > deadline) {
                final List<String> shortOf = sentAt.keySet().stream()
                        .filter(probe -> arrivals(probe).size() < perWindow).limit(5)
                        .map(probe -> probe + " (" + arrivals(probe).size() + ")").toList();
                throw new IllegalStateException("selects did not reach all " + perWindow + " streams of their window, "
                        + "e.g. " + shortOf + "; streams ended: " + ended + ", dropped: " + dropped);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        final Histogram micros = new Histogram(3);
        sentAt.forEach((probe, sent) -> arrivals(probe).forEach(at -> micros.recordValue(Math.max(0, at - sent) / 1_000)));
        return micros;
    }

    private ConcurrentLinkedQueue<Long> arrivals(final String reservation) {
        return allocatedAt.computeIfAbsent(reservation, id -> new ConcurrentLinkedQueue<>());
    }

    @Override
    public void close() {
        // cancelling a line subscription closes its connection (Java 17's HttpClient has no shutdown)
        subscriptions.forEach(Flow.Subscription::cancel);
    }

    /** One stream's lines: {@code event:} names what the next {@code data:} line is. */
    private final class Lines implements Flow.Subscriber<String> {

        private String event = "";

        @Override
        public void onSubscribe(final Flow.Subscription subscription) {
            subscriptions.add(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(final String line) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                if ("dropped".equals(event)) {
                    dropped.incrementAndGet();
                } else if ("snapshot".equals(event)) {
                    snapshots.countDown();
                } else if ("ResourceAllocated".equals(event)) {
                    final long now = System.nanoTime();
                    final Matcher reservation = RESERVATION.matcher(line);
                    if (reservation.find()) {
                        arrivals(reservation.group(1)).add(now);
                    }
                }
            }
        }

        @Override
        public void onError(final Throwable failure) {
            ended.incrementAndGet();
        }

        @Override
        public void onComplete() {
            ended.incrementAndGet();
        }
    }
}
