package io.reservations.bench;

import io.reservations.contract.BundleItem;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes commands straight to the service's topics, as any producer with the default partitioner would. */
final class Cluster implements AutoCloseable {

    static final int PARTITIONS = 12;

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private final ResultWatcher results;

    Cluster(final String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2), new StringSerializer(), new ByteArraySerializer());
        this.results = new ResultWatcher(bootstrap);
    }

    String bootstrap() {
        return bootstrap;
    }

    ResultWatcher results() {
        return results;
    }

    /** An id of the form {@code prefix-n} whose entity lives on {@code partition}. */
    static String idOn(final String prefix, final int partition) {
        for (int n = 0; ; n++) {
            final String id = prefix + "-" + n;
            if (EntityPartitioner.partitionOf(id, PARTITIONS) == partition) {
                return id;
            }
        }
    }

    String createWindow(final String id, final int resources) {
        final List<ResourceSpec> specs = new ArrayList<>(resources);
        for (int i = 0; i < resources; i++) {
            specs.add(new ResourceSpec("s" + i, "seat"));
        }
        final String commandId = "cw-" + id;
        producer.send(new ProducerRecord<>(Topics.WINDOW_COMMANDS.name(), id,
                Topics.WINDOW_COMMANDS.valueSerde().serializer().serialize("", new CreateWindow(commandId, id, specs))));
        return commandId;
    }

    String createReservation(final String id, final String windowId) {
        final String commandId = "cr-" + id;
        send(new CreateReservation(commandId, id, windowId));
        return commandId;
    }

    /** As {@link #createReservation(String, String)}, recorded as created by {@code owner}. */
    String createReservation(final String id, final String windowId, final String owner) {
        final String commandId = "cr-" + id;
        send(new CreateReservation(commandId, id, windowId, null, owner));
        return commandId;
    }

    String select(final String reservationId) {
        final String commandId = "sel-" + reservationId;
        send(new SelectResource(commandId, reservationId, "seat"));
        return commandId;
    }

    /** A select that waits in the window's line when no seat is free. */
    String selectInLine(final String reservationId) {
        final String commandId = "selw-" + reservationId;
        send(new SelectResource(commandId, reservationId, "seat", null, null, true, null, true, null));
        return commandId;
    }

    String cancel(final String reservationId) {
        final String commandId = "can-" + reservationId;
        send(new CancelReservation(commandId, reservationId));
        return commandId;
    }

    /** A bundle selecting a seat for each reservation, all or none. */
    String createBundle(final String bundleId, final List<String> reservations) {
        final String commandId = "bun-" + bundleId;
        final CreateBundle create = new CreateBundle(commandId, bundleId, reservations.stream()
                .map(reservation -> new BundleItem(reservation, "seat")).toList(), null, null, null, true);
        producer.send(new ProducerRecord<>(Topics.BUNDLE_COMMANDS.name(), bundleId,
                Topics.BUNDLE_COMMANDS.valueSerde().serializer().serialize("", create)));
        return commandId;
    }

    private void send(final ReservationCommand command) {
        producer.send(new ProducerRecord<>(Topics.RESERVATION_COMMANDS.name(), command.reservationId(),
                Topics.RESERVATION_COMMANDS.valueSerde().serializer().serialize("", command)));
    }

    /** Flushes and waits until every one of {@code commandIds} has a result. */
    void awaitResults(final Collection<String> commandIds, final long timeoutSeconds) {
        producer.flush();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (final String commandId : commandIds) {
            while (!results.done(commandId)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No result for " + commandId + " within " + timeoutSeconds + " s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() throws InterruptedException {
        producer.close();
        results.close();
    }
}
