package io.reservations.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own meters, read from its {@code /actuator/prometheus} (an admin token) before and after a scenario:
 * where a request's time went, and what the shard masters' stream thread did meanwhile.
 */
final class ServiceMeters {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMeters.class);
    private static final String SELECT_URI = "uri=\"/reservations/{id}/select-resource\"";
    private static final String RESERVATION_COMMANDS = "topic=\"reservation.commands\"";
    /** The shard masters' threads; the read models' application has its own, named with this. */
    private static final String READ_MODELS = "-read-models-";

    /** Every sample of one scrape, by its name and labels; taken at {@code nanos}. */
    record Snapshot(Map<String, Double> samples, long nanos) {

        /** The sum of the samples of this meter whose labels contain every one of {@code labels}. */
        double sum(final String meter, final String... labels) {
            double total = 0;
            for (final Map.Entry<String, Double> sample : samples.entrySet()) {
                if (matches(sample.getKey(), meter, labels)) {
                    total += sample.getValue();
                }
            }
            return total;
        }

        /** The same sum over the shard masters' stream threads only. */
        double masters(final String meter) {
            double total = 0;
            for (final Map.Entry<String, Double> sample : samples.entrySet()) {
                if (matches(sample.getKey(), meter) && !sample.getKey().contains(READ_MODELS)) {
                    total += sample.getValue();
                }
            }
            return total;
        }

        private static boolean matches(final String key, final String meter, final String... labels) {
            if (!key.startsWith(meter + "{") && !key.equals(meter)) {
                return false;
            }
            for (final String label : labels) {
                if (!key.contains(label)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final String token;

    ServiceMeters(final String apiUrl, final String token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /** One scrape, or null when the service does not answer it (a token without the admin role). */
    Snapshot snapshot() {
        try {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("No breakdown: /actuator/prometheus answered {}", response.statusCode());
                return null;
            }
            final Map<String, Double> samples = new HashMap<>();
            for (final String line : response.body().split("\n")) {
                final int space = line.lastIndexOf(' ');
                if (line.isEmpty() || line.startsWith("#") || space < 0) {
                    continue;
                }
                try {
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                } catch (final NumberFormatException e) {
                    // a value Prometheus spells differently (+Inf and NaN parse; nothing else is expected)
                }
            }
            return new Snapshot(samples, System.nanoTime());
        } catch (final Exception e) {
            LOG.warn("No breakdown: /actuator/prometheus could not be read: {}", e.toString());
            return null;
        }
    }

    /**
     * Between two scrapes: the API's mean time per select and its phases, the forward hops, and the shard masters'
     * stream thread (commits, records per commit, blocked share), added to {@code measured} under {@code scenario}.
     */
    static void addBreakdown(final String scenario, final Snapshot before, final Snapshot after,
                             final Measurements measured) {
        if (before == null || after == null) {
            return;
        }
        final double seconds = (after.nanos() - before.nanos()) / 1e9;
        final double selects = delta(before, after, "http_server_requests_seconds_count", SELECT_URI);
        if (selects > 0) {
            final double answered = mean(before, after, "http_server_requests_seconds", SELECT_URI);
            final double published = mean(before, after, "reservations_api_command_publish_seconds", RESERVATION_COMMANDS);
            final double waited = mean(before, after, "reservations_api_command_wait_seconds", RESERVATION_COMMANDS);
            measured.add(scenario + ", API: request received to answered mean", answered);
            measured.add(scenario + ", API: command published to acknowledged mean", published);
            measured.add(scenario + ", API: acknowledged to result seen mean", waited - published);
            measured.add(scenario + ", API: outside the command (HTTP, security, JSON) mean", answered - waited);
        }
        measured.add(scenario + ", forward hop mean", mean(before, after, "reservations_forward_writes_latency_seconds"));
        final double commits = after.masters("kafka_stream_thread_commit_total") - before.masters("kafka_stream_thread_commit_total");
        final double records = after.masters("kafka_stream_thread_process_total") - before.masters("kafka_stream_thread_process_total");
        measured.add(scenario + ", shard masters: commits per second", commits / seconds);
        measured.add(scenario + ", shard masters: records per commit", commits == 0 ? 0 : records / commits);
        measured.add(scenario + ", shard masters: blocked share", (after.masters("kafka_stream_thread_blocked_time_ns_total")
                - before.masters("kafka_stream_thread_blocked_time_ns_total")) / 1e9 / seconds);
    }

    private static double delta(final Snapshot before, final Snapshot after, final String meter, final String... labels) {
        return after.sum(meter, labels) - before.sum(meter, labels);
    }

    /** A timer's mean over the interval, in milliseconds (0 when it recorded nothing). */
    private static double mean(final Snapshot before, final Snapshot after, final String timer, final String... labels) {
        final double count = delta(before, after, timer + "_count", labels);
        return count == 0 ? 0 : delta(before, after, timer + "_sum", labels) / count * 1000;
    }
}
