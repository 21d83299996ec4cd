package io.reservations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.processor.it.EventStreamClient;
import io.reservations.processor.it.EventStreamClient.Event;
import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.TopicReader;
import io.reservations.topics.Topics;
import io.reservations.topics.WindowEventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A client of one window's change stream for the whole run, through the API instances in turn: it connects again
 * with the last id it had after every fault (and whenever its stream ended). Checked at the end against
 * {@code window.events}: every committed event of the window after the snapshot's end that the snapshot did not
 * show already came once, in order.
 */
final class ChangeWatch implements AutoCloseable {

    private final List<String> apiUrls;
    private final String token;
    private final String windowId;
    private final List<Event> received = new ArrayList<>();
    private Event snapshot;
    private EventStreamClient client;
    private int connections;

    private ChangeWatch(final List<String> apiUrls, final String token, final String windowId) {
        this.apiUrls = apiUrls;
        this.token = token;
        this.windowId = windowId;
    }

    /** Connected, its snapshot received. */
    static ChangeWatch open(final List<String> apiUrls, final String token, final String windowId)
            throws InterruptedException {
        final ChangeWatch watch = new ChangeWatch(apiUrls, token, windowId);
        watch.connect(null);
        watch.snapshot = watch.client.next(Duration.ofSeconds(30));
        assertThat(watch.snapshot).as("the snapshot of %s's change stream", windowId).isNotNull();
        assertThat(watch.snapshot.name()).isEqualTo("snapshot");
        return watch;
    }

    /** Takes what came, then connects again, to the next API instance, from the last id it had. */
    void reconnect() {
        take();
        client.close();
        connect(lastId());
    }

    /** Whether it has every committed event of its window that the topic holds now (connecting again if it ended). */
    boolean caughtUp(final String bootstrap, final int partitions) {
        take();
        if (client.ended()) {
            connect(lastId());
        }
        final List<Long> committed = committedOffsets(bootstrap, partitions);
        return !committed.isEmpty() && receivedOffsets().size() >= committed.size()
                && receivedOffsets().get(receivedOffsets().size() - 1) >= committed.get(committed.size() - 1);
    }

    /** Every committed event of the window after the snapshot's end, once and in order: no gap, no repeat. */
    Map<String, Object> verify(final String bootstrap, final int partitions) {
        take();
        assertThat(receivedOffsets()).as("the offsets of the events %s's change stream sent, over %d connections",
                windowId, connections).isEqualTo(committedOffsets(bootstrap, partitions));
        return Map.of("change stream of " + windowId + ": events received once each, in order, none missed",
                received.size(), "change stream connections (one after each fault)", connections);
    }

    private List<Long> committedOffsets(final String bootstrap, final int partitions) {
        final int partition = EntityPartitioner.partitionOf(windowId, partitions);
        final long from = Long.parseLong(snapshot.id().substring(0, snapshot.id().indexOf('-')));
        final long shown = Long.parseLong(snapshot.id().substring(snapshot.id().indexOf('-') + 1));
        // past the snapshot's end, the records whose version it already showed (processed, not yet committed when
        // it was read) are rightly not sent
        return TopicReader.readAll(bootstrap, Topics.WINDOW_EVENTS.name(), new ByteArrayDeserializer()).stream()
                .filter(record -> record.partition() == partition && windowId.equals(record.key())
                        && record.offset() >= from && WindowEventHeaders.version(record.headers()) > shown)
                .map(ConsumerRecord::offset).toList();
    }

    /** An event's id names the offset after its record (ChangeCursor). */
    private List<Long> receivedOffsets() {
        return received.stream().map(event -> Long.parseLong(event.id().substring(0, event.id().indexOf('-'))) - 1)
                .toList();
    }

    private void take() {
        client.drain().stream().filter(event -> event.id() != null).forEach(received::add);
    }

    private String lastId() {
        return received.isEmpty() ? snapshot.id() : received.get(received.size() - 1).id();
    }

    private void connect(final String lastEventId) {
        client = EventStreamClient.open(apiUrls.get(connections++ % apiUrls.size()) + "/windows/" + windowId + "/changes",
                token, lastEventId);
        assertThat(client.status()).as("the change stream of %s opens", windowId).isEqualTo(200);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
