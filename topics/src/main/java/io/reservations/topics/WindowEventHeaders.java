package io.reservations.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record headers of a {@code window.events} record, beside its JSON value (not part of it): the window's version
 * with this event (its master counts the events it applied to the window), and the owner of the reservation the
 * event names, so a reader can show that reservation's id to its owner only. Records written before versions were
 * kept carry neither.
 */
public final class WindowEventHeaders {

    public static final String VERSION = "reservations-window-version";
    public static final String RESERVATION_OWNER = "reservations-reservation-owner";

    private WindowEventHeaders() {
    }

    public static Headers of(final long version, final String reservationOwner) {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(VERSION, Long.toString(version).getBytes(StandardCharsets.UTF_8));
        if (reservationOwner != null) {
            headers.add(RESERVATION_OWNER, reservationOwner.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** The version a record carries; -1 when it carries none (or an unreadable one). */
    public static long version(final Headers headers) {
        final Header header = headers.lastHeader(VERSION);
        try {
            return header == null ? -1 : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
        } catch (final NumberFormatException e) {
            return -1;
        }
    }

    /** The owner of the reservation the record's event names; null when unknown. */
    public static String reservationOwner(final Headers headers) {
        final Header header = headers.lastHeader(RESERVATION_OWNER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
