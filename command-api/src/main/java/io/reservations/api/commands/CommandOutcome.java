package io.reservations.api.commands;

import io.reservations.contract.CommandResult;
import java.time.Duration;

/** What became of a submitted command, as {@link CommandGateway} tells it; the controllers answer HTTP from it. */
public sealed interface CommandOutcome {

    /** The command's result (success or rejection) arrived within the wait. */
    record Settled(CommandResult result) implements CommandOutcome {
    }

    /** Published (now or by an earlier request with the same key), with no result within {@code waited}. */
    record Pending(String commandId, Duration waited) implements CommandOutcome {
    }

    /** The caller's idempotency key was already used for a different request; nothing was published. */
    record KeyReused(String commandId) implements CommandOutcome {
    }
}
