package io.reservations.processor.domain;

import io.reservations.contract.ForwardData;
import io.reservations.contract.Operation;

/**
 * A write the decider asks for on another entity. Its master may be this one (then it is applied in the same
 * transaction) or another (then it travels as a ForwardWrite).
 *
 * @param deliversResult whether the target, rather than this entity, publishes the command's result once applied
 * @param commandId      the command the write belongs to when it is not the step's input's (a promotion from a
 *                       window's line carries the waiting select's); null for the input's
 */
public record EntityWrite(Operation operation, ForwardData data, boolean deliversResult, String commandId) {

    public EntityWrite(final Operation operation, final ForwardData data, final boolean deliversResult) {
        this(operation, data, deliversResult, null);
    }

    static EntityWrite of(final Operation operation, final ForwardData data) {
        return new EntityWrite(operation, data, false);
    }

    /** A write on behalf of another command than the step's input. */
    static EntityWrite forCommand(final String commandId, final Operation operation, final ForwardData data) {
        return new EntityWrite(operation, data, false, commandId);
    }
}
