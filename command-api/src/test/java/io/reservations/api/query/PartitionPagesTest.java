package io.reservations.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.queries.PartitionUnavailable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartitionPagesTest {

    private static final String SCOPE = "test";

    @Test
    void shouldGoOnIntoTheNextPartitionsUntilThePageIsFull() {
        final Page<String> page = PartitionPages.walk(new PartitionWalk(0, null),
                (partition, from, limit, budget) -> new PartitionPages.Slice<>(
                        List.of("p" + partition + "a", "p" + partition + "b").subList(0, Math.min(2, limit)),
                        Optional.empty(), 2), 5, 100, SCOPE, 4);

        assertThat(page.items()).containsExactly("p0a", "p0b", "p1a", "p1b", "p2a");
        assertThat(PageTokens.position(SCOPE, page.nextPageToken())).as("the rest of partition 2 is not read: "
                + "its next partition starts the next page").isEqualTo("3/");
    }

    @Test
    void shouldStopWhereAPartitionIsHeldElsewhereAndFailWhenTheFirstIs() {
        final PartitionPages.Reader<String> twoHere = (partition, from, limit, budget) -> {
            if (partition > 1) {
                throw new PartitionUnavailable("held elsewhere", null);
            }
            return new PartitionPages.Slice<>(List.of("p" + partition), Optional.empty(), 1);
        };

        final Page<String> page = PartitionPages.walk(new PartitionWalk(0, null), twoHere, 10, 100, SCOPE, 4);

        assertThat(page.items()).containsExactly("p0", "p1");
        assertThat(PageTokens.position(SCOPE, page.nextPageToken())).isEqualTo("2/");
        assertThatThrownBy(() -> PartitionPages.walk(new PartitionWalk(2, null), twoHere, 10, 100, SCOPE, 4))
                .isInstanceOf(PartitionUnavailable.class);
    }

    @Test
    void shouldEndThePageWhenItsBudgetIsSpentWithWhereToGoOn() {
        final Page<String> page = PartitionPages.walk(new PartitionWalk(0, null),
                (partition, from, limit, budget) -> new PartitionPages.Slice<>(List.of(), Optional.empty(), budget),
                10, 100, SCOPE, 4);

        assertThat(page.items()).isEmpty();
        assertThat(PageTokens.position(SCOPE, page.nextPageToken())).isEqualTo("1/");
    }
}
