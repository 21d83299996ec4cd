package io.reservations.processor.query;

import io.reservations.contract.Window;
import io.reservations.contract.WindowResource;
import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WindowState;
import io.reservations.processor.store.WindowLayout;
import io.reservations.processor.store.WindowSummaries;
import io.reservations.queries.Availability;
import io.reservations.queries.ResourceFilter;
import io.reservations.queries.ResourceSlice;
import io.reservations.queries.VersionedWindow;
import io.reservations.queries.WindowSlice;
import io.reservations.queries.WindowSummary;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The windows of one partition as the contract shows them, read from the window index (and the whole windows the
 * released version stored). Who holds a resource only where {@code mayKnowHolder} accepts the holding reservation's
 * owner (null when unknown); else {@code held_by} is null.
 */
final class WindowViews {

    private static final int CONSISTENT_READ_ATTEMPTS = 5;

    private final ReadOnlyKeyValueStore<String, byte[]> index;
    private final ReadOnlyKeyValueStore<String, WindowState> whole;

    WindowViews(final ReadOnlyKeyValueStore<String, byte[]> index,
                final ReadOnlyKeyValueStore<String, WindowState> whole) {
        this.index = index;
        this.whole = whole;
    }

    /**
     * The window with the version read before it; read again (a few times at most) while its master changes it
     * meanwhile, so that the version tells exactly which events the window shows whenever the window is quiet for
     * the time of a read.
     */
    Optional<VersionedWindow> window(final String id, final Predicate<String> mayKnowHolder) {
        long before = WindowLayout.version(index, id);
        for (int attempt = 1; ; attempt++) {
            final WindowState read = WindowLayout.read(index, whole, id);
            final long after = WindowLayout.version(index, id);
            if (read == null || after == before || attempt == CONSISTENT_READ_ATTEMPTS) {
                final long version = before;
                return Optional.ofNullable(read).map(window -> new VersionedWindow(new Window(id,
                        window.resources().stream().map(slot -> view(slot, id, mayKnowHolder)).toList()), version));
            }
            before = after;
        }
    }

    Optional<Availability> availability(final String windowId) {
        final List<WindowLayout.PositionedSlot> all = WindowLayout.slots(index, whole, windowId, 0, slot -> true,
                Integer.MAX_VALUE);
        return all == null ? Optional.empty() : Optional.of(AvailabilityCounts.of(windowId,
                all.stream().map(WindowLayout.PositionedSlot::slot).toList(),
                type -> WindowLayout.waiting(index, windowId, type)));
    }

    Optional<ResourceSlice> resources(final String windowId, final ResourceFilter filter, final int from,
                                      final int limit, final Predicate<String> mayKnowHolder) {
        // one more than asked: whether a next page exists
        final List<WindowLayout.PositionedSlot> slots = WindowLayout.slots(index, whole, windowId, from,
                slot -> filter.accepts(slot.type(), slot.available()), limit + 1);
        if (slots == null) {
            return Optional.empty();
        }
        final List<WindowResource> items = slots.stream().limit(limit)
                .map(positioned -> view(positioned.slot(), windowId, mayKnowHolder)).toList();
        return Optional.of(new ResourceSlice(items, slots.size() > limit
                ? OptionalInt.of(slots.get(limit).position()) : OptionalInt.empty()));
    }

    WindowSlice windows(final String fromId, final int limit) {
        final List<WindowSummary> windows = WindowSummaries.from(index, whole, fromId, limit + 1);
        return windows.size() > limit ? new WindowSlice(windows.subList(0, limit), Optional.of(windows.get(limit).id()))
                : new WindowSlice(windows, Optional.empty());
    }

    private WindowResource view(final Slot slot, final String windowId, final Predicate<String> mayKnowHolder) {
        final boolean shown = !slot.available()
                && mayKnowHolder.test(WindowLayout.holderOwner(index, windowId, slot.heldBy()));
        return new WindowResource(slot.id(), slot.type(), slot.available(), shown ? slot.heldBy() : null);
    }
}
