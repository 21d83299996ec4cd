package io.reservations.api.query;

import io.reservations.api.security.Caller;
import io.reservations.contract.Bundle;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.ErrorCode;
import io.reservations.processor.query.BundleFilter;
import io.reservations.processor.query.BundleSlice;
import io.reservations.processor.query.EntityQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Reads of bundles for the controllers: one by id from its master, and listings walking the bundles' partitions. */
@Component
public class BundleReads {

    /** The most bundles one page reads, over all the partitions it walks. */
    static final int SCAN_BUDGET = 5_000;

    private final EntityReader reader;

    public BundleReads(final EntityReader reader) {
        this.reader = reader;
    }

    /** Another owner's bundle reads as missing: existence does not leak. */
    public ResponseEntity<?> bundle(final ReadRequest request, final String id, final Caller caller) {
        return reader.read(request, id, queries -> queries.bundle(id).filter(found -> caller.maySee(found.owner())),
                new NotFound(ErrorCode.BUNDLE_NOT_FOUND, "No bundle has this id"));
    }

    /**
     * What a listing asks for: one owner's bundles (null: everyone's) in one status (null: any), a page size, its
     * scope (for its page tokens), and how many partitions there are to walk.
     */
    public record Listing(String owner, BundleStatus status, int size, String scope, int partitions) {

        BundleFilter filter() {
            return new BundleFilter(owner, status);
        }
    }

    /** One page of bundles, partition after partition from {@code walk}, going on into the ones held here. */
    public ResponseEntity<?> list(final ReadRequest request, final PartitionWalk walk, final Listing listing) {
        return reader.readPartition(request, EntityQueries.ROUTING_STORE, walk.partition(),
                queries -> Optional.of(page(queries, walk, listing)));
    }

    private static Page<Bundle> page(final EntityQueries queries, final PartitionWalk start, final Listing listing) {
        final List<Bundle> items = new ArrayList<>();
        int budget = SCAN_BUDGET;
        PartitionWalk at = start;
        while (true) {
            final BundleSlice slice;
            try {
                slice = queries.bundlesOf(at.partition()).page(listing.filter(), at.from(), listing.size() - items.size(),
                        budget);
            } catch (final InvalidStateStoreException elsewhere) {
                if (at == start) {
                    throw elsewhere; // the partition the read was routed for: its store is moving
                }
                return new Page<>(items, PageTokens.issue(listing.scope(), at.partition() + "/")); // its owner goes on
            }
            items.addAll(slice.items());
            budget -= slice.scanned();
            if (slice.next().isPresent() || at.partition() + 1 >= listing.partitions() || items.size() == listing.size()
                    || budget == 0) {
                return at.page(items, slice.next(), listing.scope(), listing.partitions());
            }
            at = new PartitionWalk(at.partition() + 1, null);
        }
    }
}
