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
        if (operation != Operation.EXPIRE_BUNDLE) {
            Ids.require("data.reservation_id", data.reservationId());
        }
        if (bundleOperation(operation)) {
            Ids.require("data.bundle_id", data.bundleId());
        } else {
            Ids.require("data.window_id", data.windowId());
        }
        switch (operation) {
            case ALLOCATE_RESOURCE, SELECT_FOR_BUNDLE -> Ids.require("data.resource_type", data.resourceType());
            case CONFIRM_SELECTION, RELEASE_RESOURCE, BUNDLE_ITEM_SELECTED -> {
                Ids.require("data.resource_id", data.resourceId());
                Ids.require("data.resource_type", data.resourceType());
            }
            case REJECT_SELECTION, BUNDLE_ITEM_REJECTED -> Ids.require("data.reason", data.reason());
            case SETTLE_BUNDLE_ITEM -> requireSettle(data);
            case BUNDLE_ITEM_SETTLED -> Ids.requirePresent("data.bundle_step", data.bundleStep());
            default -> {
            }
        }
        if (!targetOf(operation, data).equals(entityId)) {
            throw new IllegalArgumentException("entity_id '" + entityId + "' does not match data's " + entityType);
        }
    }

    /** Deterministic, so a replayed step produces the same forward write. */
    public static ForwardWrite of(final String commandId, final Operation operation, final ForwardData data,
                                  final int originPartition) {
        final String target = targetOf(operation, data);
        // a bundle hears from each of its items, and tells each item several steps: one id for each
        final String item = operation.target() == EntityType.BUNDLE && data.reservationId() != null
                ? "/" + data.reservationId() : "";
        final String step = data.bundleStep() == null ? "" : "/" + data.bundleStep().name().toLowerCase();
        return new ForwardWrite(commandId + "/" + operation.name().toLowerCase() + "/" + target + item + step,
                commandId, operation.target(), target, operation, data, originPartition);
    }

    private static void requireSettle(final ForwardData data) {
        switch (Ids.requirePresent("data.bundle_step", data.bundleStep())) {
            case CONFIRM, HOLD -> {
                Ids.require("data.resource_id", data.resourceId());
                Ids.require("data.resource_type", data.resourceType());
            }
            case RELEASE -> Ids.require("data.reason", data.reason());
            default -> {
            }
        }
        if (data.bundleStep() == BundleStep.HOLD) {
            Ids.requirePresent("data.hold_expires_at", data.holdExpiresAt());
        }
    }

    private static String targetOf(final Operation operation, final ForwardData data) {
        return switch (operation.target()) {
            case WINDOW -> data.windowId();
            case RESERVATION -> data.reservationId();
            case BUNDLE -> data.bundleId();
        };
    }

    /** The operations between a bundle and its items, which know no window. */
    private static boolean bundleOperation(final Operation operation) {
        return switch (operation) {
            case SELECT_FOR_BUNDLE, BUNDLE_ITEM_SELECTED, BUNDLE_ITEM_REJECTED, SETTLE_BUNDLE_ITEM, BUNDLE_ITEM_SETTLED,
                 EXPIRE_BUNDLE -> true;
            default -> false;
        };
    }
}
