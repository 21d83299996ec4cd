package io.reservations.queries;

import io.reservations.contract.BundleStatus;

/** Which bundles a listing shows: one owner's (null: everyone's, for admins), in one status (null: any). */
public record BundleFilter(String owner, BundleStatus status) {

    public boolean accepts(final String bundleOwner, final BundleStatus bundleStatus) {
        return (owner == null || owner.equals(bundleOwner)) && (status == null || status == bundleStatus);
    }
}
