package io.reservations.processor.domain;

import io.reservations.contract.BundleConfirmed;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleExpired;
import io.reservations.contract.BundleForwards;
import io.reservations.contract.BundleHeld;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleRejected;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.BundleStep;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.HoldDurations;
import io.reservations.contract.Operation;
import io.reservations.contract.SelectedResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A bundle's saga on its master's side: its items' answers (the first refusal rejects the bundle, the last
 * resource given confirms or holds it), its items' acknowledgements (a move's result is published once every item
 * applied it), and its timer (the selection deadline, the hold's end).
 */
public final class BundleSaga {

    private BundleSaga() {
    }

    public static BundleDecision decide(final BundleState state, final ForwardWrite write, final Instant now) {
        final ForwardData data = write.data();
        return switch (write.operation()) {
            case BUNDLE_ITEM_SELECTED -> selected(state, data, now);
            case BUNDLE_ITEM_REJECTED -> state != null && state.status() == BundleStatus.SELECTING
                    ? reject(state, data.reason(), data.reservationId(), now)
                    : BundleDecision.unchanged(state, Outcome.nothing()); // decided already; its items are told
            case BUNDLE_ITEM_SETTLED -> settled(state, data);
            case EXPIRE_BUNDLE -> due(state, write.commandId(), now);
            default -> throw new IllegalArgumentException(write.operation() + " is not a bundle operation");
        };
    }

    /** An item's window gave it a resource: the last one of a bundle still selecting confirms or holds it. */
    private static BundleDecision selected(final BundleState state, final ForwardData data, final Instant now) {
        final SelectedResource resource = new SelectedResource(data.resourceId(), data.resourceType());
        if (state != null && state.item(data.reservationId()).map(BundleItem::selectedResource)
                .filter(resource::equals).isPresent()) {
            return BundleDecision.unchanged(state, Outcome.nothing()); // this answer again: taken (or given back) once
        }
        final boolean awaited = state != null && state.status() == BundleStatus.SELECTING
                && state.item(data.reservationId()).filter(item -> item.selectedResource() == null).isPresent();
        if (!awaited) {
            // the bundle was decided before this answer: never leave the resource held
            return BundleDecision.unchanged(state, new Outcome<>(List.of(), List.of(EntityWrite.of(
                    Operation.RELEASE_RESOURCE, ForwardData.release(data.reservationId(), data.windowId(),
                            resource.id(), resource.type()))), null));
        }
        final BundleState next = state.selected(data.reservationId(), data.windowId(), resource);
        if (!next.allSelected()) {
            return new BundleDecision(next, Outcome.nothing());
        }
        if (next.holdFor() == null) {
            final BundleConfirmed confirmed = new BundleConfirmed(next.createCommandId(), now, next.id(), next.items());
            return settleAll(BundleDecider.evolve(next, confirmed), confirmed, BundleStep.CONFIRM, next.createCommandId(),
                    item -> BundleForwards.settleHolding(next.id(), item.reservationId(), item.selectedResource(), null));
        }
        final Instant until = now.plus(HoldDurations.parse(next.holdFor()).orElseThrow());
        final BundleHeld held = new BundleHeld(next.createCommandId(), now, next.id(), next.items(), until);
        return settleAll(BundleDecider.evolve(next, held), held, BundleStep.HOLD, next.createCommandId(),
                item -> BundleForwards.settleHolding(next.id(), item.reservationId(), item.selectedResource(), until));
    }

    /** REJECTED with the item's code: every item back to PENDING, every resource given so far released. */
    private static BundleDecision reject(final BundleState state, final String code, final String failedId,
                                         final Instant now) {
        final BundleRejected rejected = new BundleRejected(state.createCommandId(), now, state.id(), code, failedId);
        final BundleDecision decision = settleAll(BundleDecider.evolve(state, rejected), rejected, BundleStep.RELEASE,
                state.createCommandId(), item -> BundleForwards.settleRejected(state.id(), item.reservationId(), code));
        final List<EntityWrite> writes = new ArrayList<>(decision.outcome().forwards());
        state.items().stream().filter(item -> item.selectedResource() != null).forEach(item -> writes.add(
                EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release(item.reservationId(),
                        state.itemWindows().get(item.reservationId()), item.selectedResource().id(),
                        item.selectedResource().type()))));
        return new BundleDecision(decision.state(), new Outcome<>(decision.outcome().events(), writes, null));
    }

    /** An item applied a move: the move's result once every item has. */
    private static BundleDecision settled(final BundleState state, final ForwardData data) {
        final SettleRound round = state == null ? null : state.rounds().stream()
                .filter(candidate -> candidate.step() == data.bundleStep()).findFirst().orElse(null);
        if (round == null) {
            return BundleDecision.unchanged(state, Outcome.nothing());
        }
        final SettleRound left = round.settled(data.reservationId());
        if (!left.waitingFor().isEmpty()) {
            return new BundleDecision(state.withRounds(rounds -> rounds.stream()
                    .map(candidate -> candidate == round ? left : candidate).toList()), Outcome.nothing());
        }
        final BundleState next = state.withRounds(rounds -> rounds.stream().filter(candidate -> candidate != round).toList());
        final CommandResult result = round.resultFor() == null ? null : round.step() == BundleStep.RELEASE
                ? new CommandResult(round.resultFor(), CommandStatus.REJECTED, round.answer().code(), round.answer(),
                null, null)
                : CommandResult.succeeded(round.resultFor(), round.answer());
        return new BundleDecision(next, new Outcome<>(List.of(), List.of(), result));
    }

    /** The bundle's timer: past its selection deadline it is rejected; at its hold's end it expires. */
    private static BundleDecision due(final BundleState state, final String commandId, final Instant now) {
        if (state != null && state.status() == BundleStatus.SELECTING) {
            final String late = state.items().stream().filter(item -> item.selectedResource() == null)
                    .map(BundleItem::reservationId).findFirst().orElse(state.items().get(0).reservationId());
            return reject(state, ErrorCode.SELECTION_TIMEOUT.slug(), late, now);
        }
        if (state != null && state.status() == BundleStatus.HELD && !now.isBefore(state.holdExpiresAt())) {
            final BundleExpired expired = new BundleExpired(commandId, now, state.id());
            return settleAll(BundleDecider.evolve(state, expired), expired, BundleStep.EXPIRE, null,
                    item -> BundleForwards.settle(state.id(), item.reservationId(), BundleStep.EXPIRE));
        }
        return BundleDecision.unchanged(state, Outcome.nothing());
    }

    /** The event, and {@code step} sent to every item, whose acknowledgements the new round awaits. */
    static BundleDecision settleAll(final BundleState next, final BundleEvent event, final BundleStep step,
                                    final String resultFor, final Function<BundleItem, ForwardData> settle) {
        final List<EntityWrite> writes = next.items().stream()
                .map(item -> EntityWrite.of(Operation.SETTLE_BUNDLE_ITEM, settle.apply(item))).toList();
        final BundleState waiting = next.withRounds(rounds -> {
            final List<SettleRound> more = new ArrayList<>(rounds);
            more.add(new SettleRound(step, resultFor, next.itemIds(), next.toView()));
            return more;
        });
        return new BundleDecision(waiting, new Outcome<>(List.of(event), writes, null));
    }
}
