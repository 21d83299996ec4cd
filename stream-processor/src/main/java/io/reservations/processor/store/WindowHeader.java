package io.reservations.processor.store;

import java.util.List;

/**
 * What the window layout keeps about a window as a whole: that it exists, how many resources it declared, and
 * their types (null in headers written before windows had lines; filled in the first time a line needs them).
 */
public record WindowHeader(int resources, List<String> types) {

    public WindowHeader(final int resources) {
        this(resources, null);
    }
}
