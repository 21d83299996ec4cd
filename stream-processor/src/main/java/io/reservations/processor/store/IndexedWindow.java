package io.reservations.processor.store;

import io.reservations.processor.domain.Slot;
import io.reservations.processor.domain.WaitingSelection;
import io.reservations.processor.domain.WindowSlots;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** One window of the index as its rules read it: each lookup one or two reads, whatever the window's size. */
final class IndexedWindow implements WindowSlots {

    private final KeyValueStore<String, byte[]> index;
    private final WindowLines lines;
    private final String id;

    IndexedWindow(final KeyValueStore<String, byte[]> index, final WindowLines lines, final String id) {
        this.index = index;
        this.lines = lines;
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
    public Optional<Slot> resource(final String resourceId) {
        return at(WindowValues.position(index.get(WindowKeys.resource(id, resourceId))));
    }

    /** From the header; a header written before windows had lines gets its types the first time they are asked. */
    @Override
    public boolean declares(final String type) {
        final WindowHeader header = WindowValues.header(index.get(WindowKeys.header(id)));
        if (header.types() != null) {
            return header.types().contains(type);
        }
        final WindowHeader completed = new WindowHeader(header.resources(),
                WindowLayout.slots(index, null, id, 0, slot -> true, header.resources()).stream()
                        .map(positioned -> positioned.slot().type()).distinct().toList());
        index.put(WindowKeys.header(id), WindowValues.header(completed));
        return completed.types().contains(type);
    }

    @Override
    public int waiting(final String type) {
        return lines.length(id, type);
    }

    @Override
    public Optional<WaitingSelection> firstInLine(final String type) {
        return lines.first(id, type);
    }

    @Override
    public Optional<WaitingSelection> inLine(final String reservationId) {
        return lines.of(id, reservationId);
    }

    private Optional<Slot> at(final Integer position) {
        return position == null ? Optional.empty()
                : Optional.ofNullable(index.get(WindowKeys.slot(id, position))).map(WindowValues::slot);
    }
}
