package io.reservations.api.commands;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reservations.contract.CommandResult;
import io.reservations.contract.Window;
import io.reservations.contract.WindowResource;

/**
 * About how many bytes of heap a result holds, so that the cache of recent results is bounded in memory rather
 * than in entries: a window's result carries every resource, up to 10,000 of them.
 */
final class ResultWeight {

    /** Object headers and references of a result, a reservation and their strings, roughly. */
    private static final int BASE = 400;
    private static final int PER_RESOURCE = 120;

    private ResultWeight() {
    }

    /** A cache of results holding about {@code maxBytes} of them at most. */
    static Cache<String, CommandResult> cache(final long maxBytes) {
        return Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String id, CommandResult result) -> of(result)).build();
    }

    static int of(final CommandResult result) {
        if (!(result.entity() instanceof Window window)) {
            return BASE;
        }
        long bytes = BASE;
        for (final WindowResource resource : window.resources()) {
            bytes += PER_RESOURCE + 2L * (resource.id().length() + resource.type().length());
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
