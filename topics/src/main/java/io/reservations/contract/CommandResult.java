package io.reservations.contract;

/** The one outcome of a command, published to {@code command.results} keyed by command id. */
public record CommandResult(String commandId, CommandStatus status, String code, EntityView entity) {

    public static CommandResult succeeded(final String commandId, final EntityView entity) {
        return new CommandResult(commandId, CommandStatus.SUCCEEDED, null, entity);
    }

    public static CommandResult rejected(final String commandId, final String code) {
        return new CommandResult(commandId, CommandStatus.REJECTED, code, null);
    }
}
