package io.reservations.api.query;

import io.reservations.api.errors.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * A listing that spans partitions, one partition per page at most: where a page starts (the partition, and the key
 * in it; null for its first), and the token of the page after it. A page that reaches the end of its partition
 * may hold fewer items than asked; the next one starts at the next partition.
 */
public record PartitionWalk(int partition, String from) {

    /** Where the page starts, from the position its token carried (null: the first page). */
    public static PartitionWalk at(final String position, final int partitions) {
        if (position == null) {
            return new PartitionWalk(0, null);
        }
        final int slash = position.indexOf('/');
        try {
            final int partition = Integer.parseInt(position.substring(0, Math.max(0, slash)));
            if (partition >= 0 && partition < partitions) {
                final String from = position.substring(slash + 1);
                return new PartitionWalk(partition, from.isEmpty() ? null : from);
            }
        } catch (final NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid("page_token is not one this query gave this caller: start again without it");
    }

    /** The page: its items, and a token for the rest of this partition, or for the next partition, or none. */
    public <T> Page<T> page(final List<T> items, final Optional<String> next, final String scope, final int partitions) {
        if (next.isPresent()) {
            return new Page<>(items, PageTokens.issue(scope, partition + "/" + next.get()));
        }
        return new Page<>(items, partition + 1 < partitions ? PageTokens.issue(scope, (partition + 1) + "/") : null);
    }
}
