package io.reservations.processor.query;

import java.util.Map;

/** How many resources of each type a window has, and how many of them are available. */
public record Availability(String windowId, Map<String, Count> types) {

    public record Count(int total, int available) {
    }
}
