package io.reservations.processor.shard;

import io.reservations.contract.CommandResult;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The de-duplication memory of one partition, in a window store so that entries older than the retention are
 * dropped segment by segment instead of by a scan. Entries are written at their acceptance time, and a later
 * result overwrites the entry in place.
 */
final class ProcessedCommands {

    private final WindowStore<String, CommandRecord> store;

    ProcessedCommands(final WindowStore<String, CommandRecord> store) {
        this.store = store;
    }

    Optional<CommandRecord> find(final String commandId) {
        CommandRecord latest = null;
        try (WindowStoreIterator<CommandRecord> entries = store.fetch(commandId, 0L, Long.MAX_VALUE)) {
            while (entries.hasNext()) {
                latest = entries.next().value;
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Records a newly accepted command with its result, or with none while it is in flight.
     *
     * @return the result stamped with the request's digest, as it is to be published
     */
    CommandResult accept(final String commandId, final String requestHash, final String requestedBy,
                         final CommandResult result, final long timestamp) {
        final CommandResult stamped = result == null ? null : result.answering(requestHash, requestedBy);
        store.put(commandId, new CommandRecord(timestamp, requestHash, stamped, requestedBy), timestamp);
        return stamped;
    }

    /**
     * Stores the result a later step of the saga settled.
     *
     * @return the result stamped with the digest and the sender of the request that started the saga
     */
    CommandResult complete(final CommandResult result, final long timestamp) {
        final CommandRecord accepted = find(result.commandId())
                .orElse(new CommandRecord(timestamp, null, null, null)); // accepted longer ago than the retention
        final CommandResult stamped = result.answering(accepted.requestHash(), accepted.requestedBy());
        store.put(result.commandId(), new CommandRecord(accepted.acceptedAt(), accepted.requestHash(), stamped,
                accepted.requestedBy()), accepted.acceptedAt());
        return stamped;
    }
}
