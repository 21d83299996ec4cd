package io.reservations.contract;

/**
 * A write for an entity owned by another shard master, published to {@code forward-writes} keyed by
 * {@code entity_id} in the same transaction as the origin's own update. It mirrors the seed's
 * {@code _send_write_to_master(entity_id, entity_type, operation, data)}.
 */
public record ForwardWrite(String forwardId, String commandId, EntityType entityType, String entityId,
                           Operation operation, ForwardData data, int originPartition) {

    public ForwardWrite {
        if (forwardId == null || forwardId.isBlank()) {
            throw new IllegalArgumentException("forward_id is required");
        }
        Ids.require("command_id", commandId);
        Ids.requirePresent("entity_type", entityType);
        Ids.require("entity_id", entityId);
        Ids.requirePresent("operation", operation);
        Ids.requirePresent("data", data);
        if (operation.target() != entityType) {
            throw new IllegalArgumentException(operation + " applies to a " + operation.target() + ", not a " + entityType);
        }
        Ids.require("data.reservation_id", data.reservationId());
        Ids.require("data.window_id", data.windowId());
        switch (operation) {
            case ALLOCATE_RESOURCE -> Ids.require("data.resource_type", data.resourceType());
            case CONFIRM_SELECTION, RELEASE_RESOURCE -> {
                Ids.require("data.resource_id", data.resourceId());
                Ids.require("data.resource_type", data.resourceType());
            }
            case REJECT_SELECTION -> Ids.require("data.reason", data.reason());
        }
        final String owner = entityType == EntityType.WINDOW ? data.windowId() : data.reservationId();
        if (!owner.equals(entityId)) {
            throw new IllegalArgumentException("entity_id '" + entityId + "' does not match data's " + entityType);
        }
    }

    /** Deterministic, so a replayed step produces the same forward write. */
    public static ForwardWrite of(final String commandId, final Operation operation, final ForwardData data,
                                  final int originPartition) {
        final String target = operation.target() == EntityType.WINDOW ? data.windowId() : data.reservationId();
        return new ForwardWrite(commandId + "/" + operation.name().toLowerCase() + "/" + target, commandId,
                operation.target(), target, operation, data, originPartition);
    }
}
