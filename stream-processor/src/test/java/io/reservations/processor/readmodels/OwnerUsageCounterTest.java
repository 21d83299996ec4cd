package io.reservations.processor.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.topics.OwnerUsage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** A task that starts counts its owners from the stores it restored and sends every owner's counts again. */
class OwnerUsageCounterTest {

    private final MockProcessorContext<String, OwnerUsage> context = new MockProcessorContext<>();

    @Test
    void shouldCountFromTheStoresAndSendEveryOwnerAtStart() {
        final KeyValueStore<String, byte[]> index = store("index");
        final KeyValueStore<String, byte[]> windows = store("windows");
        index.put("alice|r1", reservation("PENDING"));
        index.put("alice|r2", reservation("HELD"));
        index.put("alice|r3", reservation("CONFIRMED"));
        index.put("bob|r4", reservation("CANCELLED"));
        windows.put("bob|w1", new byte[0]);
        windows.put("bob|w2", new byte[0]);

        final OwnerUsageCounter counter = new OwnerUsageCounter(context, index, windows);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(0);

        assertThat(sent()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", new OwnerUsage(2, 1, 0), "bob", new OwnerUsage(0, 0, 2)));
        assertThat(context.scheduledPunctuators().get(0).cancelled()).as("once").isTrue();

        context.resetForwards();
        counter.reservationChanged("alice", reservation("HELD"), reservation("EXPIRED"), 0);
        assertThat(sent()).containsExactlyEntriesOf(Map.of("alice", new OwnerUsage(1, 0, 0)));

        context.resetForwards();
        counter.reservationChanged("alice", reservation("PENDING"), reservation("WAITLISTED"), 0);
        assertThat(sent()).as("a place in a line, still open").containsExactlyEntriesOf(
                Map.of("alice", new OwnerUsage(1, 0, 0, 1L)));
    }

    @Test
    void shouldReadCountsPublishedBeforeTheWaitlistAsNoPlaceInLine() {
        final OwnerUsage older = OwnerUsage.topic("app").valueSerde().deserializer()
                .deserialize("t", "{\"open_reservations\":2,\"active_holds\":1,\"windows\":3}".getBytes(StandardCharsets.UTF_8));

        assertThat(older).isEqualTo(new OwnerUsage(2, 1, 3, 0L));
    }

    private Map<String, OwnerUsage> sent() {
        final Map<String, OwnerUsage> sent = new HashMap<>();
        for (final MockProcessorContext.CapturedForward<? extends String, ? extends OwnerUsage> forward : context.forwarded()) {
            sent.put(forward.record().key(), forward.record().value());
        }
        return sent;
    }

    private KeyValueStore<String, byte[]> store(final String name) {
        final KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private static byte[] reservation(final String status) {
        return ("{\"id\":\"r\",\"window_id\":\"w\",\"status\":\"" + status + "\",\"owner\":\"o\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
