package io.reservations.contract;

/**
 * The one outcome of a command, published to {@code command.results} keyed by command id.
 *
 * @param requestHash the {@code request_hash} of the command this answers, when it had one
 * @param requestedBy the subject who sent the command: only they (and admins) may read this result
 */
public record CommandResult(String commandId, CommandStatus status, String code, EntityView entity,
                            String requestHash, String requestedBy) {

    public static CommandResult succeeded(final String commandId, final EntityView entity) {
        return new CommandResult(commandId, CommandStatus.SUCCEEDED, null, entity, null, null);
    }

    public static CommandResult rejected(final String commandId, final String code) {
        return new CommandResult(commandId, CommandStatus.REJECTED, code, null, null, null);
    }

    /** This result as the answer to one request: its digest and its sender. */
    public CommandResult answering(final String hash, final String sender) {
        return new CommandResult(commandId, status, code, entity, hash, sender);
    }
}
