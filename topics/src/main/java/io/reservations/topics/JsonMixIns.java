package io.reservations.topics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.reservations.contract.Bundle;
import io.reservations.contract.BundleCancelled;
import io.reservations.contract.BundleConfirmed;
import io.reservations.contract.BundleExpired;
import io.reservations.contract.BundleHeld;
import io.reservations.contract.BundleRejected;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.CancelBundle;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.ConfirmBundle;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.Waitlisted;
import io.reservations.contract.Window;
import io.reservations.contract.WindowCreated;

/**
 * The contract's type discriminators, kept off its records: the {@code type} member of commands and events, and how
 * an entity view is told apart by its members. The optional members are {@link JsonOptionalMembers}; {@link Json}
 * applies both.
 */
final class JsonMixIns {

    private JsonMixIns() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(CreateReservation.class),
            @JsonSubTypes.Type(SelectResource.class),
            @JsonSubTypes.Type(CancelReservation.class),
            @JsonSubTypes.Type(ConfirmHold.class)})
    interface ReservationCommandMixIn {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(CreateWindow.class)})
    interface WindowCommandMixIn {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(CreateBundle.class),
            @JsonSubTypes.Type(ConfirmBundle.class),
            @JsonSubTypes.Type(CancelBundle.class)})
    interface BundleCommandMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(BundleStarted.class),
            @JsonSubTypes.Type(BundleConfirmed.class),
            @JsonSubTypes.Type(BundleHeld.class),
            @JsonSubTypes.Type(BundleRejected.class),
            @JsonSubTypes.Type(BundleExpired.class),
            @JsonSubTypes.Type(BundleCancelled.class)})
    interface BundleEventMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(ReservationCreated.class),
            @JsonSubTypes.Type(SelectionStarted.class),
            @JsonSubTypes.Type(ResourceSelected.class),
            @JsonSubTypes.Type(SelectionRejected.class),
            @JsonSubTypes.Type(ReservationCancelled.class),
            @JsonSubTypes.Type(ResourceHeld.class),
            @JsonSubTypes.Type(HoldConfirmed.class),
            @JsonSubTypes.Type(HoldExpired.class),
            @JsonSubTypes.Type(Waitlisted.class)})
    interface ReservationEventMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(WindowCreated.class),
            @JsonSubTypes.Type(ResourceAllocated.class),
            @JsonSubTypes.Type(ResourceReleased.class),
            @JsonSubTypes.Type(WaitlistJoined.class),
            @JsonSubTypes.Type(WaitlistLeft.class)})
    interface WindowEventMixIn {
    }

    /**
     * Entities carry no type field in the contract: a window has {@code resources}, a bundle {@code items}, a
     * reservation {@code window_id}.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    @JsonSubTypes({
            @JsonSubTypes.Type(Reservation.class),
            @JsonSubTypes.Type(Window.class),
            @JsonSubTypes.Type(Bundle.class)})
    interface EntityViewMixIn {
    }
}
