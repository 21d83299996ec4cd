package io.reservations.processor.domain;

import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.SelectedResource;
import java.time.Instant;

/**
 * A reservation as its master holds it. {@code pendingSelection} is set while a selection is in flight; it
 * outlives a cancel so that the late answer of the window can still close that selection. While HELD,
 * {@code pendingSelection} still names the selection that made the hold and {@code holdExpiresAt} its end. While
 * WAITLISTED, it names the selection waiting in the window's line, {@code waitlistPosition} its place there when it
 * joined and {@code waitlistExpiresAt} the end of its wait. {@code bundleId} names the bundle it is an item of, from
 * the bundle's selection on (cleared when the bundle is rejected): while SELECTING or HELD for it, the bundle's
 * master owns its timers and its moves.
 */
public record ReservationState(String id, String windowId, ReservationStatus status,
                               SelectedResource selectedResource, PendingSelection pendingSelection, String owner,
                               Instant holdExpiresAt, Integer waitlistPosition, Instant waitlistExpiresAt,
                               String bundleId) {

    public ReservationState(final String id, final String windowId, final ReservationStatus status,
                            final SelectedResource selectedResource, final PendingSelection pendingSelection,
                            final String owner, final Instant holdExpiresAt, final Integer waitlistPosition,
                            final Instant waitlistExpiresAt) {
        this(id, windowId, status, selectedResource, pendingSelection, owner, holdExpiresAt, waitlistPosition,
                waitlistExpiresAt, null);
    }

    public ReservationState(final String id, final String windowId, final ReservationStatus status,
                            final SelectedResource selectedResource, final PendingSelection pendingSelection,
                            final String owner, final Instant holdExpiresAt) {
        this(id, windowId, status, selectedResource, pendingSelection, owner, holdExpiresAt, null, null);
    }

    public ReservationState(final String id, final String windowId, final ReservationStatus status,
                            final SelectedResource selectedResource, final PendingSelection pendingSelection,
                            final String owner) {
        this(id, windowId, status, selectedResource, pendingSelection, owner, null);
    }

    public ReservationState(final String id, final String windowId, final ReservationStatus status,
                            final SelectedResource selectedResource, final PendingSelection pendingSelection) {
        this(id, windowId, status, selectedResource, pendingSelection, null);
    }

    public Reservation toView() {
        return new Reservation(id, windowId, status, selectedResource, owner, holdExpiresAt, waitlistPosition, bundleId);
    }

    /** Whether a caller may see and change it: an admin, or its owner. No subject is nobody's owner. */
    public boolean accessibleTo(final String subject, final boolean admin) {
        return admin || subject != null && subject.equals(owner);
    }

    /** The same state waiting on {@code selection} (the master's additions to it: see {@link PendingSelection}). */
    public ReservationState withPendingSelection(final PendingSelection selection) {
        return new ReservationState(id, windowId, status, selectedResource, selection, owner, holdExpiresAt,
                waitlistPosition, waitlistExpiresAt, bundleId);
    }

    /** Whether its bundle moves it (SELECTING or HELD for a bundle): its own select, confirm and cancel are refused. */
    public boolean movedByBundle() {
        return bundleId != null && (status == ReservationStatus.SELECTING || status == ReservationStatus.HELD);
    }

    ReservationState with(final ReservationStatus newStatus, final SelectedResource resource,
                          final PendingSelection selection) {
        return new ReservationState(id, windowId, newStatus, resource, selection, owner, null, null, null, bundleId);
    }

    ReservationState held(final SelectedResource resource, final Instant expiresAt) {
        return new ReservationState(id, windowId, ReservationStatus.HELD, resource, pendingSelection, owner, expiresAt,
                null, null, bundleId);
    }

    ReservationState inBundle(final String bundle) {
        return new ReservationState(id, windowId, status, selectedResource, pendingSelection, owner, holdExpiresAt,
                waitlistPosition, waitlistExpiresAt, bundle);
    }

    ReservationState waitlisted(final int position, final Instant expiresAt) {
        return new ReservationState(id, windowId, ReservationStatus.WAITLISTED, null, pendingSelection, owner, null,
                position, expiresAt);
    }
}
