package io.reservations.processor.dedup;

import io.reservations.contract.CommandResult;

/**
 * What the master remembers of a command id: when it was accepted, the digest of the request behind it, who sent
 * it, and its result once known (null while a selection is in flight).
 */
public record CommandRecord(long acceptedAt, String requestHash, CommandResult result, String requestedBy) {
}
