package io.reservations.api.commands;

import io.reservations.api.ReservationsProperties;
import io.reservations.contract.CommandResult;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The results this instance awaits ({@link ResultsReader} reads all of {@code command.results}, and decodes those
 * of {@link #awaited} commands only) and the requests waiting for them: waiting requests hold a future, not a thread. Recent results are kept in a cache bounded in
 * bytes, this instance's accepted commands in one bounded in entries.
 */
@Component
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class CommandResults {

    private final Map<String, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();
    private final Cache<String, CommandResult> recent;
    private final Cache<String, Accepted> accepted;

    @Autowired
    public CommandResults(final ReservationsProperties properties) {
        this(properties.api().resultCacheBytes().toBytes(), properties.api().resultCacheSize());
    }

    CommandResults(final long resultCacheBytes, final int acceptedCacheSize) {
        // bounded in bytes: one caller's large windows cannot fill the heap
        this.recent = ResultWeight.cache(resultCacheBytes);
        this.accepted = Caffeine.newBuilder().maximumSize(acceptedCacheSize).build();
    }

    /** The future result of a command; register before publishing it, so a fast result is not missed. */
    public CompletableFuture<CommandResult> await(final String commandId) {
        final CommandResult known = recent.getIfPresent(commandId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        final CompletableFuture<CommandResult> future = waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
        final CommandResult arrived = recent.getIfPresent(commandId); // it may have arrived while registering
        if (arrived != null) {
            future.complete(arrived);
            waiting.remove(commandId, future);
        }
        return future;
    }

    /** Stops tracking a command nobody waits for any more; a late result still lands in the cache. */
    public void forget(final String commandId, final CompletableFuture<CommandResult> future) {
        if (!future.isDone()) {
            waiting.remove(commandId, future);
        }
    }

    /** A command this instance published: the digest of its request ("" without one) and who sent it. */
    public record Accepted(String requestHash, String subject) {
    }

    public void accepted(final String commandId, final String requestHash, final String subject) {
        accepted.put(commandId, new Accepted(requestHash == null ? "" : requestHash, subject));
    }

    /** What this instance knows of a command it accepted, or null. */
    public Accepted accepted(final String commandId) {
        return accepted.getIfPresent(commandId);
    }

    /**
     * Whether this instance cares about the result of this command: a request waits for it, or this instance
     * published it (a later {@code GET /commands/{id}} or retry here finds it in memory). Any other result is left
     * undecoded: the durable command status answers for it.
     */
    boolean awaited(final String commandId) {
        return waiting.containsKey(commandId) || accepted.getIfPresent(commandId) != null;
    }

    public CommandResult recent(final String commandId) {
        return recent.getIfPresent(commandId);
    }

    /** A result read from {@code command.results}: cached, and handed to whoever waits for it. */
    void deliver(final CommandResult result) {
        if (result == null) {
            return;
        }
        recent.put(result.commandId(), result);
        final CompletableFuture<CommandResult> future = waiting.remove(result.commandId());
        if (future != null) {
            future.complete(result);
        }
    }
}
