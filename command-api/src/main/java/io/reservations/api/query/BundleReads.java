package io.reservations.api.query;

import io.reservations.api.security.Caller;
import io.reservations.contract.Bundle;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.ErrorCode;
import io.reservations.queries.BundleFilter;
import io.reservations.queries.BundleSlice;
import io.reservations.queries.EntityQueries;
import io.reservations.queries.Routing;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Reads of bundles for the controllers: one by id from its master, and listings walking the bundles' partitions. */
@Component
public class BundleReads {

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
        return reader.readPartition(request, Routing.ENTITY, walk.partition(),
                queries -> Optional.of(page(queries, walk, listing)));
    }

    private static Page<Bundle> page(final EntityQueries queries, final PartitionWalk start, final Listing listing) {
        return PartitionPages.walk(start, (partition, from, limit, budget) -> {
            final BundleSlice slice = queries.bundles(partition, listing.filter(), from, limit, budget);
            return new PartitionPages.Slice<>(slice.items(), slice.next(), slice.scanned());
        }, listing.size(), EntityQueries.SCAN_BUDGET, listing.scope(), listing.partitions());
    }
}
