package io.reservations.processor.shard;

import io.reservations.contract.CommandResult;

/**
 * What the master remembers of a command id: when it was accepted, and its result once known (null while a
 * selection is in flight).
 */
public record CommandRecord(long acceptedAt, CommandResult result) {
}
