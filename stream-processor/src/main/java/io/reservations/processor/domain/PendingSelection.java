package io.reservations.processor.domain;

/** The select-resource command a reservation is waiting on, and the type it asked for. */
public record PendingSelection(String commandId, String resourceType) {
}
