package io.reservations.processor.shard;

import java.util.function.Supplier;

/**
 * A decider threw. A decision comes before its step changes anything, so a command can go to the dead letters
 * whole ({@link FailedSteps#commandFailed}) and a write can be compensated ({@link FailedSteps#writeFailed}).
 * Only decisions are wrapped: a failing store must still fail the task.
 */
final class DecisionFailed extends RuntimeException {

    final RuntimeException cause;

    private DecisionFailed(final RuntimeException cause) {
        super(cause);
        this.cause = cause;
    }

    static <T> T when(final Supplier<T> decision) {
        try {
            return decision.get();
        } catch (final RuntimeException e) {
            throw new DecisionFailed(e);
        }
    }
}
