package io.reservations.contract;

/**
 * The one outcome of a command, published to {@code command.results} keyed by command id.
 *
 * @param requestHash the {@code request_hash} of the command this answers, when it had one
 */
public record CommandResult(String commandId, CommandStatus status, String code, EntityView entity,
                           String requestHash) {

    public static CommandResult succeeded(final String commandId, final EntityView entity) {
        return new CommandResult(commandId, CommandStatus.SUCCEEDED, null, entity, null);
    }

    public static CommandResult rejected(final String commandId, final String code) {
        return new CommandResult(commandId, CommandStatus.REJECTED, code, null, null);
    }

    public CommandResult withRequestHash(final String hash) {
        return new CommandResult(commandId, status, code, entity, hash);
    }
}
