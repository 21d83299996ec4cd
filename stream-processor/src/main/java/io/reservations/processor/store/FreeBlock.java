package io.reservations.processor.store;

import java.util.BitSet;

/**
 * One block of a (window, type) free index: bit {@code i} set when the resource at position
 * {@code block * SIZE + i} is of that type and available. A block is at most {@code SIZE / 8} bytes, so an
 * allocation rewrites at most that much of the index, whatever the window's size.
 */
final class FreeBlock {

    static final int SIZE = 1024;

    private FreeBlock() {
    }

    static int blockOf(final int position) {
        return position / SIZE;
    }

    /** The first available position in the block, or -1. */
    static int first(final int block, final byte[] bits) {
        final int bit = BitSet.valueOf(bits).nextSetBit(0);
        return bit < 0 ? -1 : block * SIZE + bit;
    }

    /** The block with {@code position} set or cleared; null when nothing is left set (the key is deleted). */
    static byte[] with(final byte[] bits, final int position, final boolean available) {
        final BitSet set = bits == null ? new BitSet(SIZE) : BitSet.valueOf(bits);
        set.set(position % SIZE, available);
        return set.isEmpty() ? null : set.toByteArray();
    }
}
