package io.reservations.processor.query;

import io.reservations.contract.Bundle;
import io.reservations.processor.domain.BundleState;
import io.reservations.queries.BundleFilter;
import io.reservations.queries.BundleSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Listings of one partition's bundles, in id order, read from the bundles' own store: a page reads at most its scan
 * budget of bundles, so a filter that matches little (one owner's among many) cannot make one request read a whole
 * store; the page then ends early, with where to go on.
 */
final class BundleListings {

    private final ReadOnlyKeyValueStore<String, BundleState> bundles;

    BundleListings(final ReadOnlyKeyValueStore<String, BundleState> bundles) {
        this.bundles = bundles;
    }

    /** Up to {@code limit} bundles the filter accepts, from {@code fromId} on (null: the first), reading at most {@code budget}. */
    BundleSlice page(final BundleFilter filter, final String fromId, final int limit, final int budget) {
        final List<Bundle> items = new ArrayList<>();
        int scanned = 0;
        try (KeyValueIterator<String, BundleState> entries = fromId == null || fromId.isEmpty() ? bundles.all()
                : bundles.range(fromId, null)) {
            while (entries.hasNext()) {
                if (scanned == budget) {
                    return new BundleSlice(items, Optional.of(entries.peekNextKey()), scanned);
                }
                final KeyValue<String, BundleState> entry = entries.next();
                scanned++;
                if (!filter.accepts(entry.value.owner(), entry.value.status())) {
                    continue;
                }
                if (items.size() == limit) {
                    return new BundleSlice(items, Optional.of(entry.key), scanned);
                }
                items.add(entry.value.toView());
            }
        }
        return new BundleSlice(items, Optional.empty(), scanned);
    }
}
