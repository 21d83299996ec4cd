package io.reservations.api.commands;

import io.reservations.api.errors.ApiException;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.security.Caller;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /commands/{command_id}}: a result this instance has seen; PENDING for a command it accepted that has
 * no result yet; otherwise the result from durable state ({@code command.results}, kept by command id for the
 * de-duplication retention in the processors' {@code command-status} store), wherever it was sent and across
 * restarts.
 */
@RestController
public class CommandController {

    /** Absent on a processor-only instance, which still answers reads forwarded to it. */
    private final ObjectProvider<CommandResults> results;
    private final CommandReads reads;

    public CommandController(final ObjectProvider<CommandResults> results, final CommandReads reads) {
        this.results = results;
        this.reads = reads;
    }

    @Operation(summary = "A command's status: PENDING, SUCCEEDED or REJECTED, with code and entity once known")
    @ApiResponse(responseCode = "200", description = "{command_id, status, code?, entity?}")
    @ApiResponse(responseCode = "404", description = "command-not-found")
    @GetMapping("/commands/{commandId}")
    public ResponseEntity<?> get(@PathVariable final String commandId, final ReadRequest request) {
        if (!Ids.isValid(commandId)) {
            throw new ApiException(CommandReads.NOT_FOUND.code(), CommandReads.NOT_FOUND.detail());
        }
        final Caller caller = Caller.current();
        final CommandResults seenHere = results.getIfAvailable();
        final CommandResult recent = seenHere == null ? null : seenHere.recent(commandId);
        if (recent != null) {
            return ResponseEntity.ok(CommandView.of(visible(recent, caller)));
        }
        final CommandResults.Accepted accepted = seenHere == null ? null : seenHere.accepted(commandId);
        if (accepted != null && caller.maySee(accepted.subject())) {
            return ResponseEntity.ok(new CommandView(commandId, CommandStatus.PENDING, null, null));
        }
        return reads.status(request, commandId, caller);
    }

    private static CommandResult visible(final CommandResult result, final Caller caller) {
        if (!caller.maySee(result.requestedBy())) {
            throw new ApiException(CommandReads.NOT_FOUND.code(), CommandReads.NOT_FOUND.detail());
        }
        return result;
    }
}
