package io.reservations.contract;

/** Cancels every item of a CONFIRMED or HELD bundle that is still active. */
public record CancelBundle(String commandId, String bundleId, String requestHash, String requestedBy,
                           Boolean requestedByAdmin) implements BundleCommand {

    public CancelBundle {
        Ids.require("command_id", commandId);
        Ids.require("bundle_id", bundleId);
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin);
    }
}
