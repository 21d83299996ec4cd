package io.reservations.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client as a careful user writes one: every POST carries an {@code Idempotency-Key}, and any answer that is not
 * final (202 still pending, 503, a refused or timed-out connection) is retried with the same key, each attempt
 * through the next API instance, until a final answer comes.
 */
final class ApiClient {

    /** Answers that say what happened; anything else is retried. */
    private static final Set<Integer> FINAL = Set.of(200, 201, 400, 401, 403, 404, 409, 422, 500);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The final answer, and how many attempts it took. */
    record Answer(int status, JsonNode body, int attempts) {

        String code() {
            return body.path("code").asString("");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> apiUrls;
    private final String token;
    private final AtomicInteger next = new AtomicInteger();
    private final Duration giveUpAfter;

    ApiClient(final List<String> apiUrls, final String token, final Duration giveUpAfter) {
        this.apiUrls = List.copyOf(apiUrls);
        this.token = token;
        this.giveUpAfter = giveUpAfter;
    }

    Answer post(final String path, final String json, final String idempotencyKey) {
        return untilFinal(() -> HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer get(final String path) {
        return untilFinal(() -> HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private URI uri(final String path) {
        return URI.create(apiUrls.get(Math.floorMod(next.getAndIncrement(), apiUrls.size())) + path);
    }

    private Answer untilFinal(final java.util.function.Supplier<HttpRequest> request) {
        final AtomicReference<Answer> answer = new AtomicReference<>();
        final AtomicInteger attempts = new AtomicInteger();
        // a retry pause, not a test waiting for a condition: the client's own back-off between attempts
        await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).atMost(giveUpAfter)
                .until(() -> {
                    attempts.incrementAndGet();
                    try {
                        final HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                        if (!FINAL.contains(response.statusCode())) {
                            return false;
                        }
                        answer.set(new Answer(response.statusCode(),
                                response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()),
                                attempts.get()));
                        return true;
                    } catch (final IOException unreachableOrTimedOut) {
                        return false;
                    }
                });
        return answer.get();
    }
}
