package io.reservations.contract;

/** Commands published to {@code window.commands}, keyed by window id. */
public sealed interface WindowCommand permits CreateWindow {

    String commandId();

    String windowId();
}
