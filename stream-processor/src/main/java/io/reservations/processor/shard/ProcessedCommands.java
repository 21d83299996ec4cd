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

    /** Records a newly accepted command with its result, or with none while it is in flight. */
    void accept(final String commandId, final CommandResult result, final long timestamp) {
        store.put(commandId, new CommandRecord(timestamp, result), timestamp);
    }

    /** Stores the result a later step of the saga settled. */
    void complete(final CommandResult result, final long timestamp) {
        final long acceptedAt = find(result.commandId()).map(CommandRecord::acceptedAt).orElse(timestamp);
        store.put(result.commandId(), new CommandRecord(acceptedAt, result), acceptedAt);
    }
}
