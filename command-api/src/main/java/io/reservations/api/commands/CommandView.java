package io.reservations.api.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.EntityView;

/** {@code GET /commands/{command_id}} and the body of a 202. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandView(String commandId, CommandStatus status, String code, EntityView entity) {

    static CommandView of(final CommandResult result) {
        return new CommandView(result.commandId(), result.status(), result.code(), result.entity());
    }
}
