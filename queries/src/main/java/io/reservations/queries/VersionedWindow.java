package io.reservations.queries;

import io.reservations.contract.Window;

/**
 * A window as read, with its version: how many events its master had applied to it. Every event up to that
 * version is in the window; one after it may be too when the window changed while it was read.
 */
public record VersionedWindow(Window window, long version) {
}
