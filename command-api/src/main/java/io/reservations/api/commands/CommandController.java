package io.reservations.api.commands;

import io.reservations.api.errors.ApiException;
import io.reservations.api.errors.ProblemCodes;
import io.reservations.api.security.Caller;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /commands/{command_id}}: the result when this instance has seen it (every instance reads every
 * result), PENDING for a command this instance accepted that has no result yet.
 */
@RestController
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class CommandController {

    private final CommandResults results;

    public CommandController(final CommandResults results) {
        this.results = results;
    }


    @Operation(summary = "A command's status: PENDING, SUCCEEDED or REJECTED, with code and entity once known")
    @ApiResponse(responseCode = "200", description = "{command_id, status, code?, entity?}")
    @ApiResponse(responseCode = "404", description = "command-not-found")
    @GetMapping("/commands/{commandId}")
    public CommandView get(@PathVariable final String commandId) {
        final Caller caller = Caller.current();
        final CommandResult result = results.recent(commandId);
        // only the sender and admins see a result; one recorded without its sender, admins only
        if (result != null && !caller.maySee(result.requestedBy())) {
            throw new ApiException(HttpStatus.NOT_FOUND, ProblemCodes.COMMAND_NOT_FOUND, "No command with this id is known here");
        }
        if (result != null) {
            return new CommandView(result.commandId(), result.status(), result.code(), result.entity());
        }
        final CommandResults.Accepted accepted = results.accepted(commandId);
        if (accepted != null && caller.maySee(accepted.subject())) {
            return new CommandView(commandId, CommandStatus.PENDING, null, null);
        }
        throw new ApiException(HttpStatus.NOT_FOUND, ProblemCodes.COMMAND_NOT_FOUND, "No command with this id is known here");
    }
}
