package io.reservations.queries;

import java.util.Map;

/** How many resources of each type (in name order) a window has, how many of them are available, how many wait. */
public record Availability(String windowId, Map<String, Count> types) {

    public record Count(int total, int available, int waitlisted) {
    }
}
