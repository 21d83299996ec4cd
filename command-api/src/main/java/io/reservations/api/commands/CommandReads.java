package io.reservations.api.commands;

import io.reservations.api.query.EntityReader;
import io.reservations.api.query.NotFound;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import io.reservations.queries.Routing;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A command's durable status, from the command-status store of the partition its id belongs to. */
@Component
public class CommandReads {

    static final NotFound NOT_FOUND = new NotFound(ErrorCode.COMMAND_NOT_FOUND, "No command with this id is known");

    private final EntityReader reader;

    public CommandReads(final EntityReader reader) {
        this.reader = reader;
    }

    /** Only the sender and admins see a result; one recorded without its sender, admins only. */
    public ResponseEntity<?> status(final ReadRequest request, final String commandId, final Caller caller) {
        return reader.read(request, Routing.COMMAND, commandId, queries -> queries
                .commandResult(commandId).filter(result -> caller.maySee(result.requestedBy())).map(CommandView::of),
                NOT_FOUND);
    }
}
