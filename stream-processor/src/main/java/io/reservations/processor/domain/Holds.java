package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CONFIRMED;
import static io.reservations.contract.ReservationStatus.HELD;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Operation;
import io.reservations.contract.ReservationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a hold: a confirm before {@code hold_expires_at} wins, anything at or after it expires the hold.
 * Both decide from the input record's time, never from a clock, so a replay gives the same events; and both run in
 * the reservation's partition, so exactly one of them wins.
 */
final class Holds {

    private Holds() {
    }

    static Outcome<ReservationEvent> confirm(final ReservationState state, final ConfirmHold command, final Instant now) {
        final Optional<Outcome<ReservationEvent>> refused = ReservationAnswers.refused(state, command);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (state.status() == CONFIRMED) {
            return ReservationAnswers.succeeded(state, command.commandId(), List.of(), List.of()); // a repeated confirm
        }
        if (state.status() != HELD) {
            return Outcome.rejected(command.commandId(), ErrorCode.NOT_HELD.slug());
        }
        if (now.isBefore(state.holdExpiresAt())) {
            return ReservationAnswers.succeeded(state, command.commandId(), List.of(new HoldConfirmed(command.commandId(),
                    now, state.id(), state.windowId(), state.selectedResource().id())), List.of());
        }
        // sent at or after the hold ran out, whether or not its timer has fired yet: the hold is over
        final Outcome<ReservationEvent> expired = expire(state, now);
        return new Outcome<>(expired.events(), expired.forwards(),
                CommandResult.rejected(command.commandId(), ErrorCode.HOLD_EXPIRED.slug()));
    }

    /** The hold's timer fired: expire it unless a confirm or a cancel came first. */
    static Outcome<ReservationEvent> due(final ReservationState state, final Instant now) {
        if (state == null || state.status() != HELD || now.isBefore(state.holdExpiresAt())) {
            return Outcome.nothing();
        }
        return expire(state, now);
    }

    private static Outcome<ReservationEvent> expire(final ReservationState state, final Instant now) {
        final HoldExpired expired = new HoldExpired(state.pendingSelection().commandId(), now, state.id(),
                state.windowId(), state.selectedResource().id());
        final EntityWrite release = EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release(state.id(),
                state.windowId(), state.selectedResource().id(), state.selectedResource().type()));
        return new Outcome<>(List.of(expired), List.of(release), null);
    }
}
