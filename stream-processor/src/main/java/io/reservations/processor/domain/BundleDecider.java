package io.reservations.processor.domain;

import io.reservations.contract.BundleCancelled;
import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleConfirmed;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleExpired;
import io.reservations.contract.BundleForwards;
import io.reservations.contract.BundleHeld;
import io.reservations.contract.BundleRejected;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.BundleStep;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ConfirmBundle;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.HoldDurations;
import io.reservations.contract.Operation;
import java.time.Instant;
import java.util.List;

/**
 * A bundle's rules for its clients' commands, as pure functions: create (ask every item's reservation for a
 * resource), confirm a HELD bundle, cancel a CONFIRMED or HELD one; and {@code evolve} for its events. The saga's
 * answers and timers are {@link BundleSaga}. A missing bundle is {@code null}.
 */
public final class BundleDecider {

    private BundleDecider() {
    }

    public static BundleDecision decide(final BundleState state, final BundleCommand command, final Instant now) {
        if (command instanceof CreateBundle create) {
            return create(state, create, now);
        }
        final String refused = refusal(state, command, now);
        if (refused != null) {
            return BundleDecision.unchanged(state, Outcome.rejected(command.commandId(), refused));
        }
        if (command instanceof ConfirmBundle && state.status() == BundleStatus.CONFIRMED) {
            return BundleDecision.unchanged(state, new Outcome<>(List.of(), List.of(),
                    CommandResult.succeeded(command.commandId(), state.toView()))); // a repeated confirm
        }
        final BundleEvent moved = command instanceof ConfirmBundle
                ? new BundleConfirmed(command.commandId(), now, state.id(), state.items())
                : new BundleCancelled(command.commandId(), now, state.id());
        final BundleStep step = command instanceof ConfirmBundle ? BundleStep.CONFIRM_HOLD : BundleStep.CANCEL;
        return BundleSaga.settleAll(evolve(state, moved), moved, step, command.commandId(),
                item -> BundleForwards.settle(state.id(), item.reservationId(), step));
    }

    private static BundleDecision create(final BundleState state, final CreateBundle create, final Instant now) {
        if (state != null) {
            return BundleDecision.unchanged(state, create.commandId().equals(state.createCommandId())
                    ? Outcome.nothing() // in flight: its result comes when every item has applied its part
                    : Outcome.rejected(create.commandId(), ErrorCode.BUNDLE_EXISTS.slug()));
        }
        if (!create.itemsWithinBounds() || create.holdFor() != null && HoldDurations.parse(create.holdFor()).isEmpty()) {
            return BundleDecision.unchanged(null, Outcome.rejected(create.commandId(), ErrorCode.INVALID.slug()));
        }
        final BundleStarted started = new BundleStarted(create.commandId(), now, create.bundleId(), create.requestedBy(),
                create.items(), create.holdFor());
        final List<EntityWrite> selections = create.items().stream().map(item -> EntityWrite.of(
                Operation.SELECT_FOR_BUNDLE, BundleForwards.selectForBundle(create.bundleId(), item.reservationId(),
                        item.resourceType(), create.requestedBy(), create.requestedByAdmin()))).toList();
        return new BundleDecision(evolve(null, started), new Outcome<>(List.of(started), selections, null));
    }

    /** Why confirm or cancel is refused in this state, or null. */
    private static String refusal(final BundleState state, final BundleCommand command, final Instant now) {
        if (state == null || !state.accessibleTo(command.requestedBy(), command.requestedByAdmin())) {
            return ErrorCode.BUNDLE_NOT_FOUND.slug();
        }
        return switch (state.status()) {
            case SELECTING -> command instanceof ConfirmBundle ? ErrorCode.NOT_HELD.slug()
                    : ErrorCode.SELECTION_IN_PROGRESS.slug();
            case REJECTED -> ErrorCode.BUNDLE_REJECTED.slug();
            case EXPIRED -> ErrorCode.HOLD_EXPIRED.slug();
            case CANCELLED -> ErrorCode.BUNDLE_CANCELLED.slug();
            // at the hold's end it expires (its timer is on its way): too late to confirm
            case HELD -> command instanceof ConfirmBundle && !now.isBefore(state.holdExpiresAt())
                    ? ErrorCode.HOLD_EXPIRED.slug() : null;
            case CONFIRMED -> null;
        };
    }

    public static BundleState evolve(final BundleState state, final BundleEvent event) {
        if (event instanceof BundleStarted started) {
            return new BundleState(started.bundleId(), BundleStatus.SELECTING, started.owner(), started.items(),
                    started.holdFor(), null, null, null, started.commandId(), null, null, null, started.occurredAt());
        }
        if (event instanceof BundleConfirmed confirmed) {
            return state.with(BundleStatus.CONFIRMED).withItems(confirmed.items(), null);
        }
        if (event instanceof BundleHeld held) {
            return state.with(BundleStatus.HELD).withItems(held.items(), held.holdExpiresAt());
        }
        if (event instanceof BundleRejected rejected) {
            return state.rejected(rejected.code(), rejected.failedReservationId());
        }
        if (event instanceof BundleExpired) {
            return state.with(BundleStatus.EXPIRED);
        }
        if (event instanceof BundleCancelled) {
            return state.with(BundleStatus.CANCELLED);
        }
        throw new IllegalArgumentException("Unknown bundle event " + event);
    }
}
