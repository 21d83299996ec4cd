package io.reservations.processor.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class DepartedTransactionWatchTest {

    private static final String APP = "app";
    private static final UUID OWN = UUID.randomUUID();
    private static final UUID GONE = UUID.randomUUID();

    private final FakeCluster cluster = new FakeCluster();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldFenceADepartedProcessesTransactionAsSoonAsARebalanceStarts() {
        try (DepartedTransactionWatch watch = watch(() -> Optional.of(OWN), Clock.systemUTC())) {
            watch.onChange(State.REBALANCING, State.RUNNING);

            await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(cluster.fenced).containsExactly(APP + "-" + GONE + "-1"));
            assertThat(registry.get("reservations.processor.departed_transactions_fenced").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void shouldAskNothingOutsideARebalance() {
        try (DepartedTransactionWatch watch = watch(() -> Optional.of(OWN), Clock.systemUTC())) {
            watch.onChange(State.RUNNING, State.REBALANCING);

            await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(cluster.asked).hasValue(0));
            assertThat(watch.check(OWN)).as("what a check during a rebalance would fence").hasSize(1);
        }
    }

    @Test
    void shouldKeepCheckingWhenKafkaStreamsHasNoThreadsToDescribeYet() {
        final AtomicInteger calls = new AtomicInteger();
        try (DepartedTransactionWatch watch = watch(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("KafkaStreams is not running");
            }
            return Optional.of(OWN);
        }, Clock.systemUTC())) {
            watch.onChange(State.REBALANCING, State.CREATED);

            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(cluster.fenced).hasSize(1));
        }
    }

    private DepartedTransactionWatch watch(final Supplier<Optional<UUID>> ownProcess, final Clock clock) {
        return new DepartedTransactionWatch(new DepartedTransactions(APP), cluster, ownProcess,
                Duration.ofSeconds(10), clock, registry);
    }

    /** One open transaction of this process and one of a process gone from the group; forgets a fenced one. */
    private static final class FakeCluster implements GroupTransactions {

        final List<String> fenced = new CopyOnWriteArrayList<>();
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public List<String> openLongerThan(final Duration age) {
            asked.incrementAndGet();
            final String departed = APP + "-" + GONE + "-1";
            return fenced.contains(departed) ? List.of(APP + "-" + OWN + "-1") : List.of(APP + "-" + OWN + "-1", departed);
        }

        @Override
        public List<String> memberClients() {
            return List.of(APP + "-" + OWN + "-StreamThread-1-consumer");
        }

        @Override
        public void fence(final String transactionalId) {
            fenced.add(transactionalId);
        }

        @Override
        public void close() {
        }
    }
}
