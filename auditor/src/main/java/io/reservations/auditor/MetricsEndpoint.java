package io.reservations.auditor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reservations.topics.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The standalone auditor's HTTP: {@code GET /metrics} (Prometheus text), {@code GET /health} (200 while its
 * thread runs, 503 once it stopped; its lag is a metric, not a health state) and {@code GET /findings} (its recent
 * violations as JSON, newest first, for the console).
 */
final class MetricsEndpoint implements AutoCloseable {

    private final HttpServer server;

    private MetricsEndpoint(final HttpServer server) {
        this.server = server;
    }

    static MetricsEndpoint start(final int port, final PrometheusMeterRegistry meters, final Auditor auditor)
            throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", exchange -> answer(exchange, 200, "text/plain; version=0.0.4", meters.scrape()));
        server.createContext("/health", exchange -> answer(exchange, auditor.running() ? 200 : 503,
                "application/json", auditor.running() ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}"));
        server.createContext("/findings", exchange -> answer(exchange, 200, "application/json", findings(auditor)));
        server.start();
        return new MetricsEndpoint(server);
    }

    static String findings(final Auditor auditor) {
        final List<Map<String, Object>> findings = auditor.recent().stream().map(violation -> Map.<String, Object>of(
                "invariant", violation.invariant().tag(), "entity_ids", violation.entityIds(),
                "records", violation.records(), "detail", violation.detail(),
                "since", violation.since().toString(), "found", violation.found().toString())).toList();
        return Json.mapper().writeValueAsString(Map.of("running", auditor.running(), "findings", findings));
    }

    private static void answer(final HttpExchange exchange, final int status, final String type, final String body)
            throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
