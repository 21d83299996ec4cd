package io.reservations.api.commands;

import io.reservations.api.errors.ApiException;
import io.reservations.api.errors.Problems;
import io.reservations.api.windows.Roles;
import io.reservations.contract.BundleCommand;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.WindowCommand;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of a command POST, once its {@link CommandRequest} is resolved: the response for what became of
 * the command, that is the controller's answer to its result, 202 with the command's {@code Location}, or 422 for
 * a reused idempotency key.
 */
@Component
public class CommandResponses {

    private final ObjectProvider<CommandGateway> gateway;

    public CommandResponses(final ObjectProvider<CommandGateway> gateway) {
        this.gateway = gateway;
    }

    public CompletableFuture<ResponseEntity<Object>> submit(final ReservationCommand command, final CommandRequest request,
                                                            final Function<CommandResult, ResponseEntity<Object>> answer) {
        return respond(Roles.api(gateway).submit(command, request.caller().subject(), request.resultWait()), answer);
    }

    public CompletableFuture<ResponseEntity<Object>> submit(final WindowCommand command, final CommandRequest request,
                                                            final Function<CommandResult, ResponseEntity<Object>> answer) {
        return respond(Roles.api(gateway).submit(command, request.caller().subject(), request.resultWait()), answer);
    }

    public CompletableFuture<ResponseEntity<Object>> submit(final BundleCommand command, final CommandRequest request,
                                                            final Function<CommandResult, ResponseEntity<Object>> answer) {
        return respond(Roles.api(gateway).submit(command, request.caller().subject(), request.resultWait()), answer);
    }

    private static CompletableFuture<ResponseEntity<Object>> respond(final CompletableFuture<CommandOutcome> outcome,
                                                                     final Function<CommandResult, ResponseEntity<Object>> answer) {
        return outcome.handle((done, failure) -> failure != null ? Problems.entity(apiException(failure))
                : response(done, answer));
    }

    static ResponseEntity<Object> response(final CommandOutcome outcome,
                                           final Function<CommandResult, ResponseEntity<Object>> answer) {
        if (outcome instanceof CommandOutcome.Settled settled) {
            return answer.apply(settled.result());
        }
        if (outcome instanceof CommandOutcome.KeyReused reused) {
            return Problems.entity(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + reused.commandId() + "' was already used for a different request");
        }
        final CommandOutcome.Pending pending = (CommandOutcome.Pending) outcome;
        final ResponseEntity.BodyBuilder builder = ResponseEntity.accepted()
                .location(URI.create("/commands/" + pending.commandId()));
        if (pending.waited().isZero()) {
            builder.header("Preference-Applied", "respond-async");
        }
        return builder.body(new CommandView(pending.commandId(), CommandStatus.PENDING, null, null));
    }

    private static ApiException apiException(final Throwable failure) {
        return ApiException.causeOf(failure).orElseGet(() -> ApiException.unavailable(CommandGateway.NOT_PUBLISHED));
    }
}
