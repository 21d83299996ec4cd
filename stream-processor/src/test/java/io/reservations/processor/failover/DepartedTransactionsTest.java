package io.reservations.processor.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DepartedTransactionsTest {

    private static final String APP = "reservation-processor";
    private static final UUID OWN = UUID.fromString("5db5ab0d-1cc3-40fe-8de3-35902c28fff7");
    private static final UUID PEER = UUID.fromString("f20f2c71-b84c-49e8-b986-502a0dff9776");
    private static final UUID GONE = UUID.fromString("0a8c2a3e-0f51-4d0e-9d55-6a1f2f1c7b10");

    private final DepartedTransactions departed = new DepartedTransactions(APP);

    @Test
    void shouldFenceTheTransactionsOfAProcessWithNoMemberInTheGroup() {
        assertThat(departed.toFence(List.of(transactional(GONE, 1), transactional(GONE, 2), transactional(PEER, 1)),
                List.of(consumer(OWN, 1), consumer(PEER, 1)), OWN))
                .containsExactlyInAnyOrder(transactional(GONE, 1), transactional(GONE, 2));
    }

    @Test
    void shouldNeverFenceATransactionOfAMemberHoweverLongItIsOpen() {
        assertThat(departed.toFence(List.of(transactional(OWN, 1), transactional(PEER, 1)),
                List.of(consumer(OWN, 1), consumer(PEER, 1)), OWN)).isEmpty();
    }

    @Test
    void shouldActOnNothingWhenTheGroupAsDescribedDoesNotHoldThisProcess() {
        assertThat(departed.toFence(List.of(transactional(GONE, 1)), List.of(consumer(PEER, 1)), OWN)).isEmpty();
        assertThat(departed.toFence(List.of(transactional(GONE, 1)), List.of(), OWN)).isEmpty();
    }

    @Test
    void shouldLeaveOtherApplicationsTransactionsAlone() {
        assertThat(departed.toFence(List.of("other-app-" + GONE + "-1", APP + "-read-models-" + GONE + "-1",
                        APP + "-" + GONE, "index-ends-test"),
                List.of(consumer(OWN, 1)), OWN)).isEmpty();
    }

    @Test
    void shouldReadTheProcessOfAStreamThreadsClientId() {
        assertThat(DepartedTransactions.processIn(consumer(PEER, 3))).contains(PEER);
        assertThat(DepartedTransactions.processIn("producer-1")).isEmpty();
    }

    private static String transactional(final UUID process, final int thread) {
        return APP + "-" + process + "-" + thread;
    }

    private static String consumer(final UUID process, final int thread) {
        return APP + "-" + process + "-StreamThread-" + thread + "-consumer";
    }
}
