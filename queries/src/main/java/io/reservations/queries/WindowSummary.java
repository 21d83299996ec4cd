package io.reservations.queries;

/** A window in a listing: its id, how many resources it has, how many of them are available. */
public record WindowSummary(String id, int resourceCount, int availableCount) {
}
