package io.reservations.contract;

/** Commands published to {@code bundle.commands}, keyed by bundle id. */
public sealed interface BundleCommand permits CreateBundle, ConfirmBundle, CancelBundle {

    String commandId();

    String bundleId();

    /** A digest of the request a client sent under an idempotency key (null without one). */
    String requestHash();

    /** The caller's subject: the owner-to-be of a creation, the subject whose ownership is checked otherwise. */
    String requestedBy();

    /** Whether the caller is an admin, who may act on any owner's bundle and reservations. */
    Boolean requestedByAdmin();
}
