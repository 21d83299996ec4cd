package io.reservations.processor.domain;

/**
 * A selection waiting in a window's line for a resource of {@code resourceType}.
 *
 * @param commandId the waiting select's command id, which its promotion carries
 * @param owner     the reservation's owner, shown with the resource once it holds one (null when unknown)
 * @param position  its place in the line when it joined (1 for the first), as the reservation shows it
 */
public record WaitingSelection(String reservationId, String resourceType, String commandId, String owner,
                               int position) {
}
