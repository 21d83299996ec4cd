package io.reservations.api.query;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.LocalPartitions.Peer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP hop of a read this instance cannot answer: to the instance that owns the key, or, without a local
 * processor, to any processor instance of {@code reservations.api.read-from}. The answer is passed on as it came.
 * Instances serving HTTPS ({@code server.ssl.enabled}) reach their peers over HTTPS: a forwarded read carries the
 * caller's bearer token (the JVM's trust store decides which certificates are accepted).
 */
@Component
public class ReadForwarding {

    private final List<String> readFrom;
    /** Where the next read without a local processor starts, so reads spread over the processor instances. */
    private final AtomicInteger nextReadFrom = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The peers' scheme: the one this instance serves, as every processor of a deployment is set up alike. */
    private final String peerScheme;

    public ReadForwarding(final ReservationsProperties properties,
                          @Value("${server.ssl.enabled:false}") final boolean tls) {
        this.peerScheme = tls ? "https" : "http";
        this.readFrom = Arrays.stream(properties.api().readFrom().split(","))
                .map(String::trim).filter(url -> !url.isEmpty()).map(url -> url.replaceAll("/$", "")).toList();
    }

    /**
     * Asks the processor instances in turn, passing over those that are down or answer 503 (a killed or restarting
     * instance), so one live processor is enough to serve every read.
     */
    ResponseEntity<byte[]> toAnyProcessor(final String path, final String authorization) {
        if (readFrom.isEmpty()) {
            throw ApiException.unavailable("This instance runs no processor and reservations.api.read-from is not set");
        }
        final int first = Math.floorMod(nextReadFrom.getAndIncrement(), readFrom.size());
        ApiException lastFailure = null;
        for (int i = 0; i < readFrom.size(); i++) {
            try {
                final ResponseEntity<byte[]> response = to(URI.create(readFrom.get((first + i) % readFrom.size()) + path),
                        false, authorization);
                if (response.getStatusCode().value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                    return response;
                }
                lastFailure = ApiException.unavailable("No processor instance can answer now; retry shortly");
            } catch (final ApiException unreachable) {
                lastFailure = unreachable;
            }
        }
        throw lastFailure;
    }

    /** To the instance that owns the key: it must answer itself, never forward again. */
    ResponseEntity<byte[]> toOwner(final Peer owner, final String path, final String authorization) {
        return to(URI.create(peerScheme + "://" + owner.host() + ":" + owner.port() + path), true, authorization);
    }

    /** @param markRouted sent to the key's owner: it must answer itself, never forward again */
    private ResponseEntity<byte[]> to(final URI uri, final boolean markRouted, final String authorization) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (markRouted) {
            request.header(EntityReader.ROUTED_HEADER, "true");
        }
        try {
            final HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            final HttpHeaders headers = new HttpHeaders();
            response.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> headers.set(HttpHeaders.CONTENT_TYPE, type));
            response.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(after -> headers.set(HttpHeaders.RETRY_AFTER, after));
            response.headers().firstValue(HttpHeaders.ETAG).ifPresent(tag -> headers.set(HttpHeaders.ETAG, tag));
            return ResponseEntity.status(response.statusCode()).headers(headers).body(response.body());
        } catch (final IOException e) {
            throw ApiException.unavailable("The instance owning this entity is unreachable; retry shortly");
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while reading from the owning instance");
        }
    }
}
