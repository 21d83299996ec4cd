package io.reservations.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.errors.ApiException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A walk over the partitions: one partition per page at most, each page's token naming where the next starts. */
class PartitionWalkTest {

    private static final String SCOPE = "windows\nadmin";
    private static final int PARTITIONS = 12;

    @Test
    void shouldStartAtTheFirstPartitionWithoutAToken() {
        assertThat(PartitionWalk.at(null, PARTITIONS)).isEqualTo(new PartitionWalk(0, null));
    }

    @Test
    void shouldGoOnInThePartitionWhileItHasMoreThenAtTheStartOfTheNext() {
        final PartitionWalk walk = new PartitionWalk(4, "w-10");

        final Page<String> inside = walk.page(List.of("w-11", "w-12"), Optional.of("w-13"), SCOPE, PARTITIONS);
        final Page<String> atItsEnd = walk.page(List.of("w-11"), Optional.empty(), SCOPE, PARTITIONS);

        assertThat(PartitionWalk.at(PageTokens.position(SCOPE, inside.nextPageToken()), PARTITIONS))
                .isEqualTo(new PartitionWalk(4, "w-13"));
        assertThat(PartitionWalk.at(PageTokens.position(SCOPE, atItsEnd.nextPageToken()), PARTITIONS))
                .isEqualTo(new PartitionWalk(5, null));
        assertThat(inside.items()).containsExactly("w-11", "w-12");
    }

    @Test
    void shouldEndAfterTheLastPartition() {
        final Page<String> last = new PartitionWalk(PARTITIONS - 1, null)
                .page(List.of("w-99"), Optional.empty(), SCOPE, PARTITIONS);

        assertThat(last.nextPageToken()).isNull();
    }

    @Test
    void shouldRefuseAPositionOutsideThePartitions() {
        for (final String position : List.of("12/", "-1/", "x/w-1", "w-1", "/w-1")) {
            assertThatThrownBy(() -> PartitionWalk.at(position, PARTITIONS)).as(position)
                    .isInstanceOf(ApiException.class);
        }
    }
}
