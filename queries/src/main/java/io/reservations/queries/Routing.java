package io.reservations.queries;

/**
 * What a read is routed by: the partition its key falls in names the instance that answers. Every store of a kind
 * is partitioned alike, so one key per kind is enough.
 */
public enum Routing {
    /** A reservation, window or bundle id: the entity's master. */
    ENTITY,
    /** An owner: the owner index's partition that holds that owner's reservations. */
    OWNER,
    /** A command id: the partition of the command-status store that holds its result. */
    COMMAND
}
