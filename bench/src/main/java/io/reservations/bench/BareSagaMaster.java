package io.reservations.bench;

import io.reservations.topics.EntityPartitioner;
import io.reservations.topics.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition's master: the saga's three steps, applied here when the target lives here too. With the contract's
 * records it also writes what DESIGN.md asks of every saga and nothing more: an event per state change (two of the
 * reservation, one of the window), the command's result, and the command id kept for de-duplication.
 */
final class BareSagaMaster implements Processor<String, byte[], String, byte[]> {

    /** A command or a forward write: {@code op} is create-window, create-reservation, select, allocate or confirm. */
    record Message(String op, String reservationId, String windowId, String type, String resourceId, int resources) {
    }

    record Reservation(String id, String windowId, String status, String resourceId) {
    }

    record Slot(String id, String type, String heldBy) {
    }

    record Window(String id, List<Slot> slots) {
    }

    /** What an event or a result of the contract's records says. */
    record Change(String entityId, String status, String resourceId) {
    }

    private final CountDownLatch created;
    private final CountDownLatch confirmed;
    private final boolean contractRecords;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> reservations;
    private KeyValueStore<String, byte[]> windows;
    private KeyValueStore<String, byte[]> processed;

    BareSagaMaster(final CountDownLatch created, final CountDownLatch confirmed, final boolean contractRecords) {
        this.created = created;
        this.confirmed = confirmed;
        this.contractRecords = contractRecords;
    }

    @Override
    public void init(final ProcessorContext<String, byte[]> processorContext) {
        context = processorContext;
        reservations = context.getStateStore("bare-reservations");
        windows = context.getStateStore("bare-windows");
        processed = contractRecords ? context.getStateStore("bare-processed") : null;
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        apply(Json.mapper().readValue(record.value(), Message.class), record.timestamp());
    }

    private void apply(final Message message, final long timestamp) {
        switch (message.op()) {
            case "warm" -> {
                // a partition's first record, written before the benchmark's producer starts
            }
            case "create-window" -> {
                final List<Slot> slots = new ArrayList<>();
                for (int i = 0; i < message.resources(); i++) {
                    slots.add(new Slot(message.windowId() + "-" + i, message.type(), null));
                }
                windows.put(message.windowId(), json(new Window(message.windowId(), slots)));
                created.countDown();
            }
            case "create-reservation" -> {
                reservations.put(message.reservationId(), json(new Reservation(message.reservationId(),
                        message.windowId(), "PENDING", null)));
                created.countDown();
            }
            case "select" -> {
                if (contractRecords && processed.get(message.reservationId()) != null) {
                    return; // a repeated command: no effect
                }
                final Reservation reservation = read(reservations.get(message.reservationId()), Reservation.class);
                reservations.put(reservation.id(), json(new Reservation(reservation.id(), reservation.windowId(), "SELECTING", null)));
                emit("events", reservation.id(), new Change(reservation.id(), "SELECTING", null), timestamp);
                send(reservation.windowId(), new Message("allocate", reservation.id(), reservation.windowId(),
                        message.type(), null, 0), timestamp);
            }
            case "allocate" -> {
                final Window window = read(windows.get(message.windowId()), Window.class);
                final List<Slot> slots = new ArrayList<>(window.slots());
                for (int i = 0; i < slots.size(); i++) {
                    if (slots.get(i).heldBy() == null && slots.get(i).type().equals(message.type())) {
                        slots.set(i, new Slot(slots.get(i).id(), slots.get(i).type(), message.reservationId()));
                        windows.put(window.id(), json(new Window(window.id(), slots)));
                        emit("events", window.id(), new Change(window.id(), "ALLOCATED", slots.get(i).id()), timestamp);
                        send(message.reservationId(), new Message("confirm", message.reservationId(), window.id(),
                                message.type(), slots.get(i).id(), 0), timestamp);
                        return;
                    }
                }
                throw new IllegalStateException("The bare benchmark never runs out of resources");
            }
            case "confirm" -> {
                final Reservation reservation = read(reservations.get(message.reservationId()), Reservation.class);
                reservations.put(reservation.id(), json(new Reservation(reservation.id(), reservation.windowId(),
                        "CONFIRMED", message.resourceId())));
                final Change change = new Change(reservation.id(), "CONFIRMED", message.resourceId());
                emit("events", reservation.id(), change, timestamp);
                emit("results", reservation.id(), change, timestamp);
                if (contractRecords) {
                    processed.put(reservation.id(), json(change));
                }
                confirmed.countDown();
            }
            default -> throw new IllegalArgumentException(message.op());
        }
    }

    /** The fast path: a write for an entity of this partition is applied now, in this transaction. */
    private void send(final String key, final Message message, final long timestamp) {
        if (EntityPartitioner.partitionOf(key, Cluster.PARTITIONS) == context.recordMetadata().orElseThrow().partition()) {
            apply(message, timestamp);
        } else {
            context.forward(new Record<>(key, json(message), timestamp), "forwards");
        }
    }

    private void emit(final String sink, final String key, final Change change, final long timestamp) {
        if (contractRecords) {
            context.forward(new Record<>(key, json(change), timestamp), sink);
        }
    }

    private static byte[] json(final Object value) {
        return Json.mapper().writeValueAsBytes(value);
    }

    private static <T> T read(final byte[] bytes, final Class<T> type) {
        return Json.mapper().readValue(bytes, type);
    }
}
