package io.reservations.api.changes;

import io.reservations.api.errors.ApiException;

/**
 * Where a window's change stream goes on: the offset of {@code window.events}' partition to read from, and, until
 * the first event after a snapshot, the snapshot's version (events up to it are in the snapshot: not sent again;
 * 0 afterwards). Sent as each event's {@code id}, opaque to clients, and taken back from {@code Last-Event-ID}.
 */
record ChangeCursor(long offset, long version) {

    String id() {
        return offset + "-" + version;
    }

    /** A 400 for anything this service did not send. */
    static ChangeCursor parse(final String id) {
        final int dash = id.indexOf('-');
        try {
            final ChangeCursor cursor = new ChangeCursor(Long.parseLong(id.substring(0, dash)),
                    Long.parseLong(id.substring(dash + 1)));
            if (cursor.offset() >= 0 && cursor.version() >= 0) {
                return cursor;
            }
        } catch (final NumberFormatException | StringIndexOutOfBoundsException e) {
            // below
        }
        throw ApiException.invalid("Last-Event-ID is not an id this stream sent");
    }
}
