package io.reservations.contract;

/** Confirms every item of a HELD bundle before its hold runs out. */
public record ConfirmBundle(String commandId, String bundleId, String requestHash, String requestedBy,
                            Boolean requestedByAdmin) implements BundleCommand {

    public ConfirmBundle {
        Ids.require("command_id", commandId);
        Ids.require("bundle_id", bundleId);
        requestedByAdmin = Boolean.TRUE.equals(requestedByAdmin);
    }
}
