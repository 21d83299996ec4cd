package io.reservations.contract;

/** An entity as clients see it: the {@code entity} of a {@link CommandResult} and the body of a read. */
public sealed interface EntityView permits Reservation, Window, Bundle {

    String id();
}
