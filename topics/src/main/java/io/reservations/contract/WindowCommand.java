package io.reservations.contract;

/** Commands published to {@code window.commands}, keyed by window id. */
public sealed interface WindowCommand permits CreateWindow {

    String commandId();

    String windowId();

    /**
     * A digest of the request a client sent under an idempotency key (null without one). A result carries the
     * digest of the request that produced it, so a key reused for another request is recognised.
     */
    String requestHash();

    /** The caller's subject. */
    String requestedBy();
}
