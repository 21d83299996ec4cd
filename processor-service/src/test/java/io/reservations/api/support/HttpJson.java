package io.reservations.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client speaking JSON to one instance, as curl would. */
public final class HttpJson {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String token;

    HttpJson(final String baseUrl, final String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public Response get(final String path, final String... headers) {
        return send(request(path, headers).GET());
    }

    public Response post(final String path, final String json, final String... headers) {
        final HttpRequest.Builder request = request(path, headers);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method without a body: HEAD, OPTIONS, or one the API does not know. */
    public Response send(final String method, final String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** POST with an explicit Content-Type (or none), for content negotiation cases. */
    public Response postRaw(final String path, final String contentType, final byte[] body) {
        final HttpRequest.Builder request = request(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(final String path, final String... headers) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(70));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static Response send(final HttpRequest.Builder request) {
        try {
            final HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back: status, the headers tests look at, and the body as JSON. */
    public record Response(int status, String contentType, String location, String retryAfter, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(final String field) {
            final JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String code() {
            return text("code");
        }
    }
}
