package io.reservations.processor.domain;

import static io.reservations.contract.ReservationStatus.CANCELLED;
import static io.reservations.contract.ReservationStatus.EXPIRED;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import java.util.List;
import java.util.Optional;

/** The answers a reservation's rules share: what every command refuses alike, and a success with the new state. */
final class ReservationAnswers {

    private ReservationAnswers() {
    }

    /**
     * What select, cancel and confirm refuse alike: a reservation missing or someone else's (its existence must not
     * leak), cancelled, expired, or moved by its bundle.
     */
    static Optional<Outcome<ReservationEvent>> refused(final ReservationState state, final ReservationCommand command) {
        if (state == null || !state.accessibleTo(command.requestedBy(), command.requestedByAdmin())) {
            return Optional.of(Outcome.rejected(command.commandId(), ErrorCode.RESERVATION_NOT_FOUND.slug()));
        }
        if (state.status() == CANCELLED) {
            return Optional.of(Outcome.rejected(command.commandId(), ErrorCode.RESERVATION_CANCELLED.slug()));
        }
        if (state.status() == EXPIRED) {
            return Optional.of(Outcome.rejected(command.commandId(), ErrorCode.HOLD_EXPIRED.slug()));
        }
        if (state.movedByBundle()) {
            return Optional.of(Outcome.rejected(command.commandId(), ErrorCode.IN_BUNDLE.slug()));
        }
        return Optional.empty();
    }

    static Outcome<ReservationEvent> succeeded(final ReservationState state, final String commandId,
                                                       final List<ReservationEvent> events,
                                                       final List<EntityWrite> forwards) {
        final ReservationState next = ReservationDecider.fold(state, events);
        return new Outcome<>(events, forwards, CommandResult.succeeded(commandId, next.toView()));
    }
}
