package io.reservations.api.query;

import io.reservations.queries.PartitionUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page of a listing that walks partitions: from where its token says, partition after partition of those this
 * instance holds, until the page is full, a budget of entries read is spent, or the next partition is held
 * elsewhere (its owner goes on from there, with the next page's token).
 */
final class PartitionPages {

    /** One read of one partition: its items, where it goes on (empty: its end), and how many entries it read. */
    record Slice<T>(List<T> items, Optional<String> next, int scanned) {
    }

    /** How one partition is read: up to {@code limit} items from {@code from} (null: its start), within {@code budget}. */
    interface Reader<T> {
        Slice<T> read(int partition, String from, int limit, int budget);
    }

    private PartitionPages() {
    }

    static <T> Page<T> walk(final PartitionWalk start, final Reader<T> reader, final int size, final int budget,
                            final String scope, final int partitions) {
        final List<T> items = new ArrayList<>();
        int left = budget; // for the whole page, however many partitions it walks
        PartitionWalk at = start;
        while (true) {
            final Slice<T> slice;
            try {
                slice = reader.read(at.partition(), at.from(), size - items.size(), left);
            } catch (final PartitionUnavailable elsewhere) {
                if (at == start) {
                    throw elsewhere; // the partition the read was routed for: its store is moving
                }
                return new Page<>(items, PageTokens.issue(scope, at.partition() + "/")); // its owner goes on
            }
            items.addAll(slice.items());
            left -= slice.scanned();
            if (slice.next().isPresent() || at.partition() + 1 >= partitions || items.size() == size || left == 0) {
                return at.page(items, slice.next(), scope, partitions);
            }
            at = new PartitionWalk(at.partition() + 1, null);
        }
    }
}
