package io.reservations.processor.store;

/** What the window layout keeps about a window as a whole: that it exists, and how many resources it declared. */
public record WindowHeader(int resources) {
}
