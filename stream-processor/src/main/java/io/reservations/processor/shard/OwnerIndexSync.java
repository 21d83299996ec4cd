package io.reservations.processor.shard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-your-writes for listings. The owner index trails a reservation's change by one exactly-once hop: the change
 * is committed to the owner-index topic with the command's result, and indexed when the index's task reads it.
 * Before a listing reads a partition of the index, a marker record is appended to that partition of the topic and
 * the read waits until the index's task reaches it: everything committed before the marker (every change whose
 * result a client already has) is then in the store. A marker is never stored.
 */
public final class OwnerIndexSync {

    /** The header of a marker record; its value is the marker's id. */
    public static final String MARKER_HEADER = "index_sync";

    /** Appends a marker with this id to this partition of the owner-index topic. */
    @FunctionalInterface
    public interface MarkerSender {
        CompletableFuture<?> send(int partition, String markerId);
    }

    private final MarkerSender sender;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Timer reached;
    private final Timer timedOut;

    public OwnerIndexSync(final MarkerSender sender, final Duration timeout, final MeterRegistry meters) {
        this.sender = sender;
        this.timeout = timeout;
        this.reached = timer(meters, "reached");
        this.timedOut = timer(meters, "timeout");
    }

    /** No markers: a listing reads what the index holds (tests of one topology, tools). */
    public static OwnerIndexSync none(final MeterRegistry meters) {
        return new OwnerIndexSync(null, Duration.ZERO, meters);
    }

    /**
     * Waits until the index's task on this instance has read everything committed to {@code partition} of its topic
     * before now; false when that took longer than the timeout (the read then sees what the index holds).
     */
    public boolean awaitPartition(final int partition) {
        if (sender == null) {
            return true;
        }
        final long start = System.nanoTime();
        final String id = UUID.randomUUID().toString();
        final CompletableFuture<Void> marker = new CompletableFuture<>();
        waiting.put(id, marker);
        try {
            sender.send(partition, id).exceptionally(failure -> {
                marker.completeExceptionally(failure);
                return null;
            });
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            reached.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return true;
        } catch (final TimeoutException | ExecutionException | RuntimeException e) {
            timedOut.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.remove(id);
        }
    }

    /** The index's task read the marker with this header value. */
    void reached(final byte[] markerId) {
        final CompletableFuture<Void> marker = waiting.remove(new String(markerId, StandardCharsets.UTF_8));
        if (marker != null) {
            marker.complete(null);
        }
    }

    private static Timer timer(final MeterRegistry meters, final String outcome) {
        return Timer.builder("reservations.listings.index_sync")
                .description("How long a listing waited for the owner index to read everything committed before it")
                .tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(meters);
    }
}
