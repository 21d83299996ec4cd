package io.reservations.processor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import org.junit.jupiter.api.Test;

class FailedWritesTest {

    @Test
    void shouldGiveBackTheResourceOfAConfirmationNobodyApplied() {
        final ForwardWrite confirm = ForwardWrite.of("c1", Operation.CONFIRM_SELECTION,
                ForwardData.confirm("r", "w", "a", "seat"), 3);

        assertThat(FailedWrites.compensation(confirm).forwards()).containsExactly(
                EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release("r", "w", "a", "seat")));
    }

    @Test
    void shouldTellTheReservationAnAllocationNobodyMadeWasRefused() {
        final ForwardWrite allocate = ForwardWrite.of("c1", Operation.ALLOCATE_RESOURCE,
                ForwardData.allocate("r", "w", "seat"), 3);

        assertThat(FailedWrites.compensation(allocate).forwards()).containsExactly(
                EntityWrite.of(Operation.REJECT_SELECTION, ForwardData.reject("r", "w", ErrorCode.INVALID.slug())));
    }

    @Test
    void shouldOweNothingForWritesThatSettleNothing() {
        final ForwardWrite release = ForwardWrite.of("c1", Operation.RELEASE_RESOURCE,
                ForwardData.release("r", "w", "a", "seat"), 3);

        assertThat(FailedWrites.compensation(release).forwards()).isEmpty();
        assertThat(FailedWrites.compensation(release).result()).isNull();
    }
}
