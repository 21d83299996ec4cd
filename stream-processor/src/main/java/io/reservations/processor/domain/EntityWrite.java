package io.reservations.processor.domain;

import io.reservations.contract.ForwardData;
import io.reservations.contract.Operation;

/**
 * A write the decider asks for on another entity. Its master may be this one (then it is applied in the same
 * transaction) or another (then it travels as a ForwardWrite).
 *
 * @param deliversResult whether the target, rather than this entity, publishes the command's result once applied
 */
public record EntityWrite(Operation operation, ForwardData data, boolean deliversResult) {

    static EntityWrite of(final Operation operation, final ForwardData data) {
        return new EntityWrite(operation, data, false);
    }
}
