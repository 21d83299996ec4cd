package io.reservations.queries;

import io.reservations.contract.Bundle;
import java.util.List;
import java.util.Optional;

/** One page of bundles in id order, where the next page of the partition starts (empty: none), and how many were read. */
public record BundleSlice(List<Bundle> items, Optional<String> next, int scanned) {
}
