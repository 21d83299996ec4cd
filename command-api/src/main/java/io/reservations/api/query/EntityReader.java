package io.reservations.api.query;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.errors.ProblemCodes;
import io.reservations.processor.StreamProcessor;
import io.reservations.processor.query.EntityQueries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Reads an entity from the store of the processor that masters it: here when this instance owns the key,
 * otherwise through one HTTP hop to the owner (Kafka Streams interactive queries). While partitions move, the
 * answer is 503 with Retry-After, never a stale or a wrong one.
 */
@Component
public class EntityReader {

    /** Marks a read already routed once, so a disagreement about ownership cannot loop. */
    public static final String ROUTED_HEADER = "X-Reservations-Routed";

    private final ObjectProvider<StreamProcessor> processor;
    private final HostInfo self;
    private final List<String> readFrom;
    /** Where the next read without a local processor starts, so reads spread over the processor instances. */
    private final AtomicInteger nextReadFrom = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public EntityReader(final ObjectProvider<StreamProcessor> processor, final ReservationsProperties properties,
                        @Value("${server.port:8080}") final int port) {
        this.processor = processor;
        this.self = new HostInfo(properties.processor().advertisedHost(), port);
        this.readFrom = Arrays.stream(properties.api().readFrom().split(","))
                .map(String::trim).filter(url -> !url.isEmpty()).map(url -> url.replaceAll("/$", "")).toList();
    }

    /**
     * @param path          the request's path and query, as it is forwarded to the owning instance
     * @param authorization the caller's Authorization header, passed on when the read is forwarded
     * @param lookup        the entity as this caller may see it, read from the partition's queries; empty when it
     *                      does not exist or this caller may not see it
     */
    public <T> ResponseEntity<?> read(final String id, final String path, final boolean routed, final String authorization,
                                      final Function<EntityQueries, Optional<T>> lookup,
                                      final String notFoundCode, final String notFoundDetail) {
        return read(EntityQueries.ROUTING_STORE, id, path, routed, authorization, lookup, notFoundCode, notFoundDetail);
    }

    /** As {@link #read(String, String, boolean, String, Function, String, String)}, routed by another store's keys. */
    public <T> ResponseEntity<?> read(final String routingStore, final String id, final String path, final boolean routed,
                                      final String authorization, final Function<EntityQueries, Optional<T>> lookup,
                                      final String notFoundCode, final String notFoundDetail) {
        return read(streams -> streams.queryMetadataForKey(routingStore, id, Serdes.String().serializer()), path, routed,
                authorization, lookup, notFoundCode, notFoundDetail);
    }

    /** As above, from one partition of {@code store}, whatever the key: a listing that walks the partitions. */
    public <T> ResponseEntity<?> readPartition(final String store, final int partition, final String path,
                                               final boolean routed, final String authorization,
                                               final Function<EntityQueries, Optional<T>> lookup) {
        final StreamPartitioner<String, Object> thatPartition = (topic, key, value, partitions) ->
                Optional.of(Set.of(partition));
        return read(streams -> streams.queryMetadataForKey(store, "", thatPartition), path, routed, authorization, lookup,
                ProblemCodes.INTERNAL, "A partition always answers");
    }

    private <T> ResponseEntity<?> read(final Function<KafkaStreams, KeyQueryMetadata> locate, final String path,
                                       final boolean routed, final String authorization,
                                       final Function<EntityQueries, Optional<T>> lookup,
                                       final String notFoundCode, final String notFoundDetail) {
        final StreamProcessor local = processor.getIfAvailable();
        if (local == null) {
            return forwardToAnyProcessor(path, authorization);
        }
        final KafkaStreams streams = local.streams();
        final KeyQueryMetadata owner;
        try {
            owner = locate.apply(streams);
        } catch (final IllegalStateException | StreamsException e) {
            // not started yet, shutting down, or failed: nobody here can answer for now
            throw ApiException.unavailable("The processor is " + streams.state() + "; retry shortly");
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw ApiException.unavailable("Partitions are being assigned; retry shortly");
        }
        if (!owner.activeHost().equals(self)) {
            if (routed) {
                throw ApiException.unavailable("Partition ownership is moving; retry shortly");
            }
            return forward(URI.create("http://" + owner.activeHost().host() + ":" + owner.activeHost().port() + path), true,
                    authorization);
        }
        final Optional<T> visible;
        try {
            visible = lookup.apply(new EntityQueries(streams, owner.partition()));
        } catch (final InvalidStateStoreException | IllegalStateException e) {
            throw ApiException.unavailable("The store is being restored or moved; retry shortly");
        }
        return visible.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, notFoundCode, notFoundDetail));
    }

    /**
     * Without a local processor: asks the processor instances in turn, passing over those that are down or
     * answer 503 (a killed or restarting instance), so one live processor is enough to serve every read.
     */
    private ResponseEntity<byte[]> forwardToAnyProcessor(final String path, final String authorization) {
        if (readFrom.isEmpty()) {
            throw ApiException.unavailable("This instance runs no processor and reservations.api.read-from is not set");
        }
        final int first = Math.floorMod(nextReadFrom.getAndIncrement(), readFrom.size());
        ApiException lastFailure = null;
        for (int i = 0; i < readFrom.size(); i++) {
            try {
                final ResponseEntity<byte[]> response = forward(
                        URI.create(readFrom.get((first + i) % readFrom.size()) + path), false, authorization);
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

    private ResponseEntity<byte[]> forward(final URI uri, final boolean markRouted, final String authorization) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (markRouted) {
            request.header(ROUTED_HEADER, "true");
        }
        try {
            final HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            final HttpHeaders headers = new HttpHeaders();
            response.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> headers.set(HttpHeaders.CONTENT_TYPE, type));
            response.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(after -> headers.set(HttpHeaders.RETRY_AFTER, after));
            return ResponseEntity.status(response.statusCode()).headers(headers).body(response.body());
        } catch (final IOException e) {
            throw ApiException.unavailable("The instance owning this entity is unreachable; retry shortly");
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while reading from the owning instance");
        }
    }
}
