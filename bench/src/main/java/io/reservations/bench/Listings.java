package io.reservations.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * {@code GET /reservations?owner=} for owners with few and with many reservations: the latency of a first page, and
 * of every page of a walk to the end. Each read waits for the owner index to have everything committed before it
 * (read-your-writes), so the figures include that.
 */
final class Listings {

    private static final Pattern NEXT = Pattern.compile("\"next_page_token\":\"([^\"]+)\"");
    private static final int PAGE = 100;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final String token;

    Listings(final String apiUrl, final String token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /** Creates {@code count} reservations of a new owner (straight to Kafka); returns the owner. */
    static String prepareOwner(final Cluster cluster, final String tag, final int count) {
        final String owner = "lister-" + tag + "-" + count;
        final List<String> creates = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            creates.add(cluster.createReservation(Cluster.idOn(owner + "-r" + r, r % Cluster.PARTITIONS), "w-none", owner));
        }
        cluster.awaitResults(creates, 300);
        return owner;
    }

    /** The first page of the owner's listing, {@code times} times, one after the other. */
    Histogram firstPages(final String owner, final int times) throws Exception {
        final Histogram micros = new Histogram(3);
        for (int i = 0; i < times; i++) {
            final long start = System.nanoTime();
            get(owner, null);
            micros.recordValue((System.nanoTime() - start) / 1_000);
        }
        return micros;
    }

    /** Every page of the owner's listing, to the end; fails unless it lists {@code expected} reservations. */
    Histogram walk(final String owner, final int expected) throws Exception {
        final Histogram micros = new Histogram(3);
        int listed = 0;
        String token = null;
        do {
            final long start = System.nanoTime();
            final String body = get(owner, token);
            micros.recordValue((System.nanoTime() - start) / 1_000);
            listed += count(body);
            final Matcher next = NEXT.matcher(body);
            token = next.find() ? next.group(1) : null;
        } while (token != null);
        if (listed != expected) {
            throw new IllegalStateException("Listed " + listed + " reservations of " + owner + ", expected " + expected);
        }
        return micros;
    }

    private String get(final String owner, final String pageToken) throws Exception {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/reservations?owner="
                        + owner + "&limit=" + PAGE + (pageToken == null ? "" : "&page_token=" + pageToken)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + this.token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /reservations answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int count(final String body) {
        int count = 0;
        for (int at = body.indexOf("\"window_id\""); at >= 0; at = body.indexOf("\"window_id\"", at + 1)) {
            count++;
        }
        return count;
    }
}
