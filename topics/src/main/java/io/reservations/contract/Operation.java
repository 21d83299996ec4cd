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
    EXPIRE_WAITLIST(EntityType.RESERVATION);

    private final EntityType target;

    Operation(final EntityType target) {
        this.target = target;
    }

    public EntityType target() {
        return target;
    }
}
