package io.reservations.processor.query;

import io.reservations.processor.store.WindowSummaries;
import java.util.List;
import java.util.Optional;

/** One page of a partition's windows in id order, and the id the next page starts from (empty: the partition's end). */
public record WindowSlice(List<WindowSummaries.Summary> items, Optional<String> next) {
}
