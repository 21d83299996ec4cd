package io.reservations.contract;

/** What a {@link ForwardWrite} asks the target entity's master to do. */
public enum Operation {
    /** Window: hold the first available resource of a type for a reservation. */
    ALLOCATE_RESOURCE(EntityType.WINDOW),
    /** Reservation: the window holds this resource for you. */
    CONFIRM_SELECTION(EntityType.RESERVATION),
    /** Reservation: the window could not hold a resource, with the reason. */
    REJECT_SELECTION(EntityType.RESERVATION),
    /** Window: release the resource held by a reservation (cancel or compensation). */
    RELEASE_RESOURCE(EntityType.WINDOW),
    /** Reservation: its hold is due (sent by its own master's timer, through the topic, at the due time). */
    EXPIRE_HOLD(EntityType.RESERVATION),
    /** Reservation: the selection of this command id has run past its deadline (from its own master's timer). */
    EXPIRE_SELECTION(EntityType.RESERVATION),
    /** Reservation: no resource was free; the window put the selection in its line, at this position. */
    WAITLIST_SELECTION(EntityType.RESERVATION),
    /** Window: take the reservation out of the line for the type (cancelled, its wait ran out, or nobody waits). */
    LEAVE_WAITLIST(EntityType.WINDOW),
    /** Reservation: its wait in line of this command id has run out (from its own master's timer). */
    EXPIRE_WAITLIST(EntityType.RESERVATION),
    /** Reservation: select a resource of the type for the bundle ({@code bundle_id}) the reservation is an item of. */
    SELECT_FOR_BUNDLE(EntityType.RESERVATION),
    /** Bundle: the item's window holds this resource for it. */
    BUNDLE_ITEM_SELECTED(EntityType.BUNDLE),
    /** Bundle: the item was refused, with the reason. */
    BUNDLE_ITEM_REJECTED(EntityType.BUNDLE),
    /** Reservation: the bundle moved; apply its {@code bundle_step}. */
    SETTLE_BUNDLE_ITEM(EntityType.RESERVATION),
    /** Bundle: the item applied the {@code bundle_step} it was sent. */
    BUNDLE_ITEM_SETTLED(EntityType.BUNDLE),
    /** Bundle: its selection deadline or its hold's end is due (from its own master's timer). */
    EXPIRE_BUNDLE(EntityType.BUNDLE);

    private final EntityType target;

    Operation(final EntityType target) {
        this.target = target;
    }

    public EntityType target() {
        return target;
    }
}
