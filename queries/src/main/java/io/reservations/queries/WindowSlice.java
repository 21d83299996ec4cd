package io.reservations.queries;

import java.util.List;
import java.util.Optional;

/** One page of a partition's windows in id order, and the id the next page starts from (empty: the partition's end). */
public record WindowSlice(List<WindowSummary> items, Optional<String> next) {
}
