package io.reservations.processor.store;

/**
 * Keys of the window layout. Ids and types never contain {@code '|'}, so {@code "<window>|"} is a prefix of that
 * window's keys only; positions and block numbers are zero-padded so that key order is declared order.
 */
final class WindowKeys {

    private static final char SEPARATOR = '|';

    private WindowKeys() {
    }

    /** {@code window-slots}: one resource, at its declared position. */
    static String slot(final String windowId, final int position) {
        return slotsOf(windowId) + String.format("%05d", position);
    }

    static String slotsOf(final String windowId) {
        return windowId + SEPARATOR;
    }

    /** {@code window-free}: which positions of one block hold an available resource of {@code type}. */
    static String freeBlock(final String windowId, final String type, final int block) {
        return freeBlocksOf(windowId, type) + String.format("%03d", block);
    }

    static String freeBlocksOf(final String windowId, final String type) {
        return windowId + SEPARATOR + type + SEPARATOR;
    }

    /** {@code window-positions}: where a resource id sits. */
    static String resource(final String windowId, final String resourceId) {
        return windowId + SEPARATOR + "r" + SEPARATOR + resourceId;
    }

    /** {@code window-positions}: where the resource a reservation holds sits. */
    static String holder(final String windowId, final String reservationId) {
        return windowId + SEPARATOR + "h" + SEPARATOR + reservationId;
    }
}
