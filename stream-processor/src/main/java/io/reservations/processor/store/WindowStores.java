package io.reservations.processor.store;

import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowSlots;
import io.reservations.processor.domain.WindowState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The windows of one partition, indexed so that an allocation or a release reads and writes a few small values
 * whatever the window's size: the resource at each position, where each resource id and each holder sits, and
 * per (window, type) blocks of a free bitmap. A window stored whole by an earlier version is migrated to this
 * layout the first time its master touches it.
 */
public final class WindowStores {

    private final KeyValueStore<String, WindowHeader> headers;
    private final KeyValueStore<String, Slot> slots;
    private final KeyValueStore<String, byte[]> free;
    private final KeyValueStore<String, Integer> positions;
    private final KeyValueStore<String, WindowState> whole;

    private WindowStores(final ProcessingContext context) {
        this.headers = context.getStateStore(WindowLayout.HEADERS);
        this.slots = context.getStateStore(WindowLayout.SLOTS);
        this.free = context.getStateStore(WindowLayout.FREE);
        this.positions = context.getStateStore(WindowLayout.POSITIONS);
        this.whole = context.getStateStore(WindowLayout.WHOLE_WINDOWS);
    }

    public static WindowStores of(final ProcessingContext context) {
        return new WindowStores(context);
    }

    /** The window as its rules read it, or null when it does not exist. */
    public WindowSlots find(final String windowId) {
        if (headers.get(windowId) == null) {
            final WindowState stored = whole.get(windowId);
            if (stored == null) {
                return null;
            }
            write(stored);
            whole.delete(windowId);
        }
        return new Indexed(windowId);
    }

    public void apply(final String windowId, final WindowEvent event) {
        if (event instanceof WindowCreated created) {
            write(WindowDecider.evolve(null, created));
        } else if (event instanceof ResourceAllocated allocated) {
            hold(windowId, allocated.resourceId(), allocated.reservationId());
        } else if (event instanceof ResourceReleased released) {
            hold(windowId, released.resourceId(), null);
        } else {
            throw new IllegalArgumentException("Unknown window event " + event);
        }
    }

    private void write(final WindowState window) {
        final Map<String, byte[]> blocks = new HashMap<>();
        final List<Slot> resources = window.resources();
        for (int position = 0; position < resources.size(); position++) {
            final Slot slot = resources.get(position);
            slots.put(WindowKeys.slot(window.id(), position), slot);
            positions.put(WindowKeys.resource(window.id(), slot.id()), position);
            if (slot.available()) {
                final String key = WindowKeys.freeBlock(window.id(), slot.type(), FreeBlock.blockOf(position));
                blocks.put(key, FreeBlock.with(blocks.get(key), position, true));
            } else {
                positions.put(WindowKeys.holder(window.id(), slot.heldBy()), position);
            }
        }
        blocks.forEach(free::put);
        headers.put(window.id(), new WindowHeader(resources.size()));
    }

    /** Marks the resource held by {@code reservationId}, or available when it is null. */
    private void hold(final String windowId, final String resourceId, final String reservationId) {
        final int position = positions.get(WindowKeys.resource(windowId, resourceId));
        final String slotKey = WindowKeys.slot(windowId, position);
        final Slot slot = slots.get(slotKey);
        slots.put(slotKey, new Slot(slot.id(), slot.type(), reservationId));
        if (reservationId != null) {
            positions.put(WindowKeys.holder(windowId, reservationId), position);
        } else {
            positions.delete(WindowKeys.holder(windowId, slot.heldBy()));
        }
        final String blockKey = WindowKeys.freeBlock(windowId, slot.type(), FreeBlock.blockOf(position));
        final byte[] block = FreeBlock.with(free.get(blockKey), position, reservationId == null);
        if (block == null) {
            free.delete(blockKey);
        } else {
            free.put(blockKey, block);
        }
    }

    /** Answers the rules' lookups with one or two reads each. */
    private final class Indexed implements WindowSlots {

        private final String id;

        private Indexed(final String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Optional<Slot> firstAvailable(final String type) {
            // blocks with nothing free are deleted, so the first block of the type has the first free position
            try (KeyValueIterator<String, byte[]> blocks = free.prefixScan(WindowKeys.freeBlocksOf(id, type),
                    Serdes.String().serializer())) {
                if (!blocks.hasNext()) {
                    return Optional.empty();
                }
                final KeyValue<String, byte[]> first = blocks.next();
                final int block = Integer.parseInt(first.key.substring(first.key.length() - 3));
                return Optional.of(slots.get(WindowKeys.slot(id, FreeBlock.first(block, first.value))));
            }
        }

        @Override
        public Optional<Slot> heldBy(final String reservationId) {
            return at(positions.get(WindowKeys.holder(id, reservationId)));
        }

        @Override
        public Optional<Slot> resource(final String resourceId) {
            return at(positions.get(WindowKeys.resource(id, resourceId)));
        }

        private Optional<Slot> at(final Integer position) {
            return position == null ? Optional.empty() : Optional.ofNullable(slots.get(WindowKeys.slot(id, position)));
        }
    }
}
