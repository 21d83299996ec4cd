package io.reservations.processor.store;

import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WaitingSelection;
import io.reservations.processor.domain.WindowDecider;
import io.reservations.processor.domain.WindowSlots;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.migration.WholeWindows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessingContext;
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
    private final WindowLines lines;

    private WindowStores(final ProcessingContext context) {
        this.index = context.getStateStore(StoresAndTopics.WINDOW_INDEX);
        this.whole = context.getStateStore(StoresAndTopics.WHOLE_WINDOWS);
        this.lines = new WindowLines(index);
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
        return new IndexedWindow(index, lines, windowId);
    }

    /**
     * Applies one event of the window and counts it in the window's version.
     *
     * @param holderOwner for an allocation, the owner of the reservation that now holds the resource (a promotion's
     *                    is the one its place in line kept)
     * @return the window's version with this event, and the owner of the reservation the event names (null when
     *         unknown)
     */
    public WindowChange apply(final String windowId, final WindowEvent event, final String holderOwner) {
        final String owner;
        if (event instanceof WindowCreated created) {
            write(WindowDecider.evolve(null, created));
            owner = null;
        } else if (event instanceof ResourceAllocated allocated && Boolean.TRUE.equals(allocated.fromWaitlist())) {
            owner = lines.leave(windowId, allocated.reservationId()).map(WaitingSelection::owner).orElse(null);
            hold(windowId, allocated.resourceId(), allocated.reservationId(), owner);
        } else if (event instanceof ResourceAllocated allocated) {
            owner = holderOwner;
            hold(windowId, allocated.resourceId(), allocated.reservationId(), holderOwner);
        } else if (event instanceof ResourceReleased released) {
            owner = WindowValues.owner(index.get(WindowKeys.holder(windowId, released.reservationId())));
            hold(windowId, released.resourceId(), null, null);
        } else if (event instanceof WaitlistJoined joined) {
            owner = holderOwner;
            lines.join(windowId, new WaitingSelection(joined.reservationId(), joined.resourceType(), joined.commandId(),
                    holderOwner, joined.waitlistPosition()));
        } else if (event instanceof WaitlistLeft left) {
            owner = lines.leave(windowId, left.reservationId()).map(WaitingSelection::owner).orElse(null);
        } else {
            throw new IllegalArgumentException("Unknown window event " + event);
        }
        // after the change itself: a read that finds this version finds the change (WindowLayout.versionedRead)
        final long version = WindowValues.version(index.get(WindowKeys.version(windowId))) + 1;
        index.put(WindowKeys.version(windowId), WindowValues.version(version));
        return new WindowChange(version, owner);
    }

    /** What applying one event did: the window's version with it, and the owner of the reservation it names. */
    public record WindowChange(long version, String reservationOwner) {
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
        window.line().forEach(waiting -> lines.join(window.id(), waiting));
        index.put(WindowKeys.header(window.id()), WindowValues.header(new WindowHeader(resources.size(),
                resources.stream().map(Slot::type).distinct().toList())));
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
}
