package io.reservations.cli;

import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.Waitlisted;
import io.reservations.contract.WindowCommand;

/**
 * Where a record stands in the saga that caused it: the command, the reservation's first events, the allocation
 * asked of the window, the window's events, its answer, the reservation's closing events, a release (or a leave
 * from a line) and the window's events for it (a promotion from the line among them), the result. A bundle's
 * records fall in the same places: its selections asked of its items, their answers and its outcome, its moves. Records of one step share the command's time, so this orders them causally.
 */
final class SagaOrder {

    static final int LAST = 9;

    private SagaOrder() {
    }

    static int step(final Object value) {
        if (value instanceof ReservationCommand || value instanceof WindowCommand || value instanceof BundleCommand) {
            return 0;
        }
        if (value instanceof ForwardWrite write) {
            return switch (write.operation()) {
                case ALLOCATE_RESOURCE, EXPIRE_HOLD, EXPIRE_SELECTION, EXPIRE_WAITLIST, SELECT_FOR_BUNDLE, EXPIRE_BUNDLE -> 2;
                case CONFIRM_SELECTION, REJECT_SELECTION, WAITLIST_SELECTION, BUNDLE_ITEM_SELECTED,
                     BUNDLE_ITEM_REJECTED -> 4;
                case RELEASE_RESOURCE, LEAVE_WAITLIST, SETTLE_BUNDLE_ITEM, BUNDLE_ITEM_SETTLED -> 6;
            };
        }
        if (value instanceof ResourceAllocated allocated && Boolean.TRUE.equals(allocated.fromWaitlist())) {
            return 7; // a promotion from the line, in the step of the release that freed the resource
        }
        if (value instanceof ResourceAllocated || value instanceof WaitlistJoined) {
            return 3;
        }
        if (value instanceof ResourceSelected || value instanceof ResourceHeld || value instanceof SelectionRejected
                || value instanceof HoldConfirmed || value instanceof HoldExpired || value instanceof Waitlisted) {
            return 5;
        }
        if (value instanceof ResourceReleased || value instanceof WaitlistLeft) {
            return 7;
        }
        if (value instanceof BundleEvent && !(value instanceof BundleStarted)) {
            return 5; // the bundle's outcome, once its items answered
        }
        if (value instanceof CommandResult) {
            return 8;
        }
        return 1; // the events that open a step: created, selection or bundle started, cancelled
    }
}
