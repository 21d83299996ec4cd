package io.reservations.processor.store;

/**
 * Keys of the {@code window-index} store: a kind, then the window id, then what the entry is about. Ids and types
 * never contain {@code '|'}, so a prefix ends exactly at a window's (or a type's) entries; positions and block
 * numbers are zero-padded so that key order is declared order.
 */
final class WindowKeys {

    private static final char SEPARATOR = '|';

    private WindowKeys() {
    }

    /** The window exists: its {@link WindowHeader}. */
    static String header(final String windowId) {
        return "h" + SEPARATOR + windowId;
    }

    /** How many events the window's master has applied to it since this key was first written: 8 bytes. */
    static String version(final String windowId) {
        return "v" + SEPARATOR + windowId;
    }

    /** One resource, at its declared position: its {@code Slot}. */
    static String slot(final String windowId, final int position) {
        return slotsOf(windowId) + String.format("%05d", position);
    }

    /** The declared position a slot key names. */
    static int positionOf(final String slotKey) {
        return Integer.parseInt(slotKey.substring(slotKey.length() - 5));
    }

    static String slotsOf(final String windowId) {
        return "s" + SEPARATOR + windowId + SEPARATOR;
    }

    /** Which positions of one block hold an available resource of {@code type}: a {@link FreeBlock}. */
    static String freeBlock(final String windowId, final String type, final int block) {
        return freeBlocksOf(windowId, type) + String.format("%03d", block);
    }

    /** Every free block of the window, of any type. */
    static String freeBlocksOf(final String windowId) {
        return "f" + SEPARATOR + windowId + SEPARATOR;
    }

    static String freeBlocksOf(final String windowId, final String type) {
        return "f" + SEPARATOR + windowId + SEPARATOR + type + SEPARATOR;
    }

    /** Where a resource id sits: a position. */
    static String resource(final String windowId, final String resourceId) {
        return "r" + SEPARATOR + windowId + SEPARATOR + resourceId;
    }

    /** Where the resource a reservation holds sits: a position. */
    static String holder(final String windowId, final String reservationId) {
        return "o" + SEPARATOR + windowId + SEPARATOR + reservationId;
    }

    /** One selection waiting in the line for {@code type}, by its number in join order: a {@code WaitingSelection}. */
    static String inLine(final String windowId, final String type, final long number) {
        return linesOf(windowId, type) + String.format("%019d", number);
    }

    static String linesOf(final String windowId, final String type) {
        return "l" + SEPARATOR + windowId + SEPARATOR + type + SEPARATOR;
    }

    /** Where a reservation waits in the window's lines: a {@code WindowLines.Place}. */
    static String waiter(final String windowId, final String reservationId) {
        return "w" + SEPARATOR + windowId + SEPARATOR + reservationId;
    }

    /** The line for {@code type} as a whole: a {@code WindowLines.Ends}. */
    static String lineEnds(final String windowId, final String type) {
        return "e" + SEPARATOR + windowId + SEPARATOR + type;
    }
}
