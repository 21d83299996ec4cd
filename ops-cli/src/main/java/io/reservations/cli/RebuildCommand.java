package io.reservations.cli;

import io.reservations.contract.ReservationEvent;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationDecider;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.StoreSerde;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.processor.store.WindowLayout;
import io.reservations.topics.TopicReader;
import io.reservations.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Folds the event topics into fresh state and compares it with the live stores, read from their changelog
 * topics (what the stores are restored from). Exit status 1 when they differ.
 */
@Command(name = "rebuild", description = "Fold the event topics into state and report differences with the live stores.")
final class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    private ReservationsCli cli;

    @Option(names = "--application-id", description = "The processor's application id (default: ${DEFAULT-VALUE})")
    private String applicationId = StoresAndTopics.DEFAULT_APPLICATION_ID;

    @Override
    public Integer call() {
        final Map<String, ReservationState> reservations = new HashMap<>();
        for (final ConsumerRecord<String, ReservationEvent> event : TopicReader.readAll(cli.clientConfig(),
                Topics.RESERVATION_EVENTS.name(), Topics.RESERVATION_EVENTS.valueSerde().deserializer())) {
            reservations.put(event.key(), ReservationDecider.evolve(reservations.get(event.key()), event.value()));
        }
        final Map<String, WindowState> windows = new HashMap<>();
        for (final ConsumerRecord<String, WindowEvent> event : TopicReader.readAll(cli.clientConfig(),
                Topics.WINDOW_EVENTS.name(), Topics.WINDOW_EVENTS.valueSerde().deserializer())) {
            windows.put(event.key(), WindowDecider.evolve(windows.get(event.key()), event.value()));
        }
        final int differences = compare("reservation", reservations,
                store(StoresAndTopics.RESERVATIONS, ReservationState.class))
                + compare("window", windows, liveWindows());
        System.out.printf("Rebuilt %d reservations and %d windows from events; %d difference(s) with the live stores.%n",
                reservations.size(), windows.size(), differences);
        return differences == 0 ? 0 : 1;
    }

    /** Windows migrated to the indexed layout, assembled from its slots in key (declared) order, and any not yet. */
    private Map<String, WindowState> liveWindows() {
        final Map<String, WindowState> live = new HashMap<>(changelog(StoresAndTopics.WHOLE_WINDOWS,
                new StoreSerde<>(WindowState.class).deserializer()));
        live.putAll(WindowLayout.assemble(new TreeMap<>(changelog(StoresAndTopics.WINDOW_INDEX, new ByteArrayDeserializer()))));
        return live;
    }

    private <V> Map<String, V> store(final String storeName, final Class<V> type) {
        return changelog(storeName, new StoreSerde<>(type).deserializer());
    }

    private <V> Map<String, V> changelog(final String storeName, final Deserializer<V> values) {
        final String changelog = applicationId + "-" + storeName + "-changelog";
        final Map<String, V> contents = new HashMap<>();
        for (final ConsumerRecord<String, V> record : TopicReader.readAll(cli.clientConfig(), changelog,
                values)) {
            if (record.value() == null) {
                contents.remove(record.key());
            } else {
                contents.put(record.key(), record.value());
            }
        }
        return contents;
    }

    private static <V> int compare(final String kind, final Map<String, V> rebuilt, final Map<String, V> live) {
        int differences = 0;
        final TreeSet<String> ids = new TreeSet<>(rebuilt.keySet());
        ids.addAll(live.keySet());
        for (final String id : ids) {
            if (!Objects.equals(rebuilt.get(id), live.get(id))) {
                differences++;
                System.out.printf("DIFFERENT %s %s%n  from events: %s%n  live store:  %s%n", kind, id, rebuilt.get(id), live.get(id));
            }
        }
        return differences;
    }
}
