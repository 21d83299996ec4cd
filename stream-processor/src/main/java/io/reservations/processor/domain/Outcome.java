package io.reservations.processor.domain;

import io.reservations.contract.CommandResult;
import java.util.List;

/**
 * What a decider concluded from one input: the events to append, the writes for other entities, and the
 * command's result when this step settles it (null when a later step will).
 */
public record Outcome<E>(List<E> events, List<EntityWrite> forwards, CommandResult result) {

    public Outcome {
        events = List.copyOf(events);
        forwards = List.copyOf(forwards);
    }

    public Outcome<E> withResult(final CommandResult replacement) {
        return new Outcome<>(events, forwards, replacement);
    }

    static <E> Outcome<E> rejected(final String commandId, final String code) {
        return new Outcome<>(List.of(), List.of(), CommandResult.rejected(commandId, code));
    }

    static <E> Outcome<E> nothing() {
        return new Outcome<>(List.of(), List.of(), null);
    }
}
