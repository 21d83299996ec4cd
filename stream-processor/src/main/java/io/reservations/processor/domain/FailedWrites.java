package io.reservations.processor.domain;

import io.reservations.contract.BundleForwards;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import java.util.List;

/**
 * What a saga is still owed when one of its writes cannot be applied (its step threw, or Kafka refused what it
 * wrote): a confirmation nobody applied gives its resource back; an allocation nobody made tells the reservation
 * it was refused; a place in line nobody took is left; a bundle's item that cannot select is refused, one that
 * cannot move is counted as moved, and a resource whose bundle never heard of it is released. Any other write settles nothing that a timer does not settle anyway.
 */
public final class FailedWrites {

    private FailedWrites() {
    }

    public static <E> Outcome<E> compensation(final ForwardWrite failed) {
        final ForwardData data = failed.data();
        if (failed.operation() == Operation.CONFIRM_SELECTION) {
            return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release(
                    data.reservationId(), data.windowId(), data.resourceId(), data.resourceType()))), null);
        }
        if (failed.operation() == Operation.WAITLIST_SELECTION) {
            return new Outcome<>(List.of(), List.of(WaitlistedSelections.leave(data.reservationId(), data.windowId(),
                    data.resourceType())), null);
        }
        if (failed.operation() == Operation.ALLOCATE_RESOURCE && data.bundleId() != null) {
            return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.BUNDLE_ITEM_REJECTED,
                    BundleForwards.itemRejected(data.bundleId(), data.reservationId(), ErrorCode.INVALID.slug()))), null);
        }
        if (failed.operation() == Operation.ALLOCATE_RESOURCE) {
            return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.REJECT_SELECTION,
                    ForwardData.reject(data.reservationId(), data.windowId(), ErrorCode.INVALID.slug()))), null);
        }
        if (failed.operation() == Operation.SELECT_FOR_BUNDLE) {
            return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.BUNDLE_ITEM_REJECTED,
                    BundleForwards.itemRejected(data.bundleId(), data.reservationId(), ErrorCode.INVALID.slug()))), null);
        }
        if (failed.operation() == Operation.BUNDLE_ITEM_SELECTED) {
            return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.RELEASE_RESOURCE, ForwardData.release(
                    data.reservationId(), data.windowId(), data.resourceId(), data.resourceType()))), null);
        }
        if (failed.operation() == Operation.SETTLE_BUNDLE_ITEM) {
            // the bundle must not wait for ever on an item that cannot move
            return new Outcome<>(List.of(), List.of(EntityWrite.of(Operation.BUNDLE_ITEM_SETTLED,
                    BundleForwards.settled(data.bundleId(), data.reservationId(), data.bundleStep()))), null);
        }
        return Outcome.nothing();
    }
}
