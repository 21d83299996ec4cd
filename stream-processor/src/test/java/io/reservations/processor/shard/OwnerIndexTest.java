package io.reservations.processor.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.store.StoresAndTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a change of a reservation sends to the owner index. */
class OwnerIndexTest {

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private OwnerIndex index;

    @BeforeEach
    void createIndex() {
        final KeyValueStore<String, String> marks = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoresAndTopics.MARKS), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        marks.init(context.getStateStoreContext(), marks);
        context.addStateStore(marks);
        marks.put("owner-index", "1"); // built already: no backfill
        index = new OwnerIndex(context, null);
    }

    @Test
    void shouldSendEveryLastingStateUnderItsOwnerButNotTheSelectingStep() {
        index.changed(state(ReservationStatus.PENDING), 1L);
        index.changed(state(ReservationStatus.SELECTING), 2L);
        index.changed(state(ReservationStatus.CONFIRMED), 3L);

        assertThat(context.forwarded()).hasSize(2).allSatisfy(forwarded -> {
            assertThat(forwarded.childName()).contains(ShardMasterTopology.OWNER_INDEX_SINK);
            assertThat(forwarded.record().key()).isEqualTo("alice");
        });
        assertThat(context.forwarded()).extracting(forwarded -> ((Reservation) forwarded.record().value()).status())
                .containsExactly(ReservationStatus.PENDING, ReservationStatus.CONFIRMED);
    }

    private static ReservationState state(final ReservationStatus status) {
        return new ReservationState("r1", "w1", status, null, null, "alice");
    }
}
