package io.reservations.processor.store;

import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowSlots;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.migration.WholeWindows;
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
 * per (window, type) blocks of a free bitmap, all in one store (one changelog, so a transaction touches few
 * partitions). A window stored whole by an earlier version is migrated the first time its master touches it.
 */
public final class WindowStores {

    private final KeyValueStore<String, byte[]> index;
    private final KeyValueStore<String, WindowState> whole;

    private WindowStores(final ProcessingContext context) {
        this.index = context.getStateStore(StoresAndTopics.WINDOW_INDEX);
        this.whole = context.getStateStore(StoresAndTopics.WHOLE_WINDOWS);
    }

    public static WindowStores of(final ProcessingContext context) {
        return new WindowStores(context);
    }

    /** The window as its rules read it, or null when it does not exist. */
    public WindowSlots find(final String windowId) {
        if (index.get(WindowKeys.header(windowId)) == null) {
            final WindowState stored = WholeWindows.takeOut(whole, windowId);
            if (stored == null) {
                return null;
            }
            write(stored);
        }
        return new Indexed(windowId);
    }

    /** @param holderOwner for an allocation, the owner of the reservation that now holds the resource */
    public void apply(final String windowId, final WindowEvent event, final String holderOwner) {
        if (event instanceof WindowCreated created) {
            write(WindowDecider.evolve(null, created));
        } else if (event instanceof ResourceAllocated allocated) {
            hold(windowId, allocated.resourceId(), allocated.reservationId(), holderOwner);
        } else if (event instanceof ResourceReleased released) {
            hold(windowId, released.resourceId(), null, null);
        } else {
            throw new IllegalArgumentException("Unknown window event " + event);
        }
    }

    private void write(final WindowState window) {
        final Map<String, byte[]> blocks = new HashMap<>();
        final List<Slot> resources = window.resources();
        for (int position = 0; position < resources.size(); position++) {
            final Slot slot = resources.get(position);
            index.put(WindowKeys.slot(window.id(), position), WindowValues.slot(slot));
            index.put(WindowKeys.resource(window.id(), slot.id()), WindowValues.position(position));
            if (slot.available()) {
                final String key = WindowKeys.freeBlock(window.id(), slot.type(), FreeBlock.blockOf(position));
                blocks.put(key, FreeBlock.with(blocks.get(key), position, true));
            } else {
                index.put(WindowKeys.holder(window.id(), slot.heldBy()), WindowValues.holder(position, null));
            }
        }
        blocks.forEach(index::put);
        index.put(WindowKeys.header(window.id()), WindowValues.header(new WindowHeader(resources.size())));
    }

    /** Marks the resource held by {@code reservationId}, or available when it is null. */
    private void hold(final String windowId, final String resourceId, final String reservationId, final String owner) {
        final int position = WindowValues.position(index.get(WindowKeys.resource(windowId, resourceId)));
        final String slotKey = WindowKeys.slot(windowId, position);
        final Slot slot = WindowValues.slot(index.get(slotKey));
        index.put(slotKey, WindowValues.slot(new Slot(slot.id(), slot.type(), reservationId)));
        if (reservationId != null) {
            index.put(WindowKeys.holder(windowId, reservationId), WindowValues.holder(position, owner));
        } else {
            index.delete(WindowKeys.holder(windowId, slot.heldBy()));
        }
        final String blockKey = WindowKeys.freeBlock(windowId, slot.type(), FreeBlock.blockOf(position));
        final byte[] block = FreeBlock.with(index.get(blockKey), position, reservationId == null);
        if (block == null) {
            index.delete(blockKey);
        } else {
            index.put(blockKey, block);
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
            try (KeyValueIterator<String, byte[]> blocks = index.prefixScan(WindowKeys.freeBlocksOf(id, type),
                    Serdes.String().serializer())) {
                if (!blocks.hasNext()) {
                    return Optional.empty();
                }
                final KeyValue<String, byte[]> first = blocks.next();
                final int block = Integer.parseInt(first.key.substring(first.key.length() - 3));
                return at(FreeBlock.first(block, first.value));
            }
        }

        @Override
        public Optional<Slot> heldBy(final String reservationId) {
            return at(WindowValues.position(index.get(WindowKeys.holder(id, reservationId))));
        }

        @Override
        public Optional<Slot> resource(final String resourceId) {
            return at(WindowValues.position(index.get(WindowKeys.resource(id, resourceId))));
        }

        private Optional<Slot> at(final Integer position) {
            return position == null ? Optional.empty()
                    : Optional.ofNullable(index.get(WindowKeys.slot(id, position))).map(WindowValues::slot);
        }
    }
}
