package io.reservations.processor.dedup;

import io.reservations.contract.CommandResult;
import io.reservations.processor.domain.ReservationState;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The de-duplication memory of one partition, in a window store so that entries older than the retention are
 * dropped segment by segment instead of by a scan. Entries are written at their acceptance time, and a later
 * result overwrites the entry in place.
 */
public final class ProcessedCommands {

    private final WindowStore<String, CommandRecord> store;

    public ProcessedCommands(final WindowStore<String, CommandRecord> store) {
        this.store = store;
    }

    /**
     * Whether the command id was seen before: then it has no second effect, and its result, once known, goes to
     * {@code republish}. The result carries the digest of the original request, so a client that reused the id for
     * another request can tell.
     */
    public boolean seen(final String commandId, final Consumer<CommandResult> republish) {
        final Optional<CommandRecord> seen = find(commandId);
        seen.map(CommandRecord::result).ifPresent(republish);
        return seen.isPresent();
    }

    public Optional<CommandRecord> find(final String commandId) {
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
    public CommandResult accept(final String commandId, final String requestHash, final String requestedBy,
                         final CommandResult result, final long timestamp) {
        final CommandResult stamped = result == null ? null : result.answering(requestHash, requestedBy);
        store.put(commandId, new CommandRecord(timestamp, requestHash, stamped, requestedBy), timestamp);
        return stamped;
    }

    /**
     * Stores the result a later step of the saga settled.
     *
     * @param reservation the reservation before that step: a selection in flight is remembered there (see
     *                    {@link InFlightSelections}), one accepted by an earlier build here
     * @return the result stamped with the digest and the sender of the request that started the saga
     */
    public CommandResult complete(final CommandResult result, final long timestamp, final ReservationState reservation) {
        final CommandRecord accepted = InFlightSelections.accepted(reservation, result.commandId())
                .or(() -> find(result.commandId()))
                .orElse(new CommandRecord(timestamp, null, null, null)); // accepted longer ago than the retention
        final CommandResult stamped = result.answering(accepted.requestHash(), accepted.requestedBy());
        store.put(result.commandId(), new CommandRecord(accepted.acceptedAt(), accepted.requestHash(), stamped,
                accepted.requestedBy()), accepted.acceptedAt());
        return stamped;
    }
}
