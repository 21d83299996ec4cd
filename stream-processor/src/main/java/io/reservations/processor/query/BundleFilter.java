package io.reservations.processor.query;

import io.reservations.contract.BundleStatus;
import io.reservations.processor.domain.BundleState;

/** Which bundles a listing shows: one owner's (null: everyone's, for admins), in one status (null: any). */
public record BundleFilter(String owner, BundleStatus status) {

    boolean test(final BundleState bundle) {
        return (owner == null || owner.equals(bundle.owner())) && (status == null || status == bundle.status());
    }
}
