package io.reservations.topics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.EntityView;
import io.reservations.contract.ForwardData;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ReservationEvent;
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
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of every topic in one place: UTF-8 JSON, snake_case fields, a {@code type} discriminator
 * on commands and events, ISO-8601 instants. The contract records stay free of Jackson annotations; the
 * polymorphism is declared here with mix-ins.
 */
public final class Json {

    private static final JsonMapper MAPPER = contract(JsonMapper.builder()).build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * The contract's mapping on any Jackson format's builder: snake_case, ISO-8601 instants, the type
     * discriminators and optional members left out. The processor's binary store values use it too.
     */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B contract(final B builder) {
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                // tolerant reader: a newer producer may add fields
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addMixIn(ReservationCommand.class, ReservationCommandMixIn.class)
                .addMixIn(WindowCommand.class, WindowCommandMixIn.class)
                .addMixIn(ReservationEvent.class, ReservationEventMixIn.class)
                .addMixIn(WindowEvent.class, WindowEventMixIn.class)
                .addMixIn(EntityView.class, EntityViewMixIn.class)
                .addMixIn(SelectionStarted.class, SelectionStartedMixIn.class)
                .addMixIn(ResourceAllocated.class, ResourceAllocatedMixIn.class)
                .addMixIn(Reservation.class, ReservationMixIn.class)
                .addMixIn(ForwardData.class, NonNullMixIn.class)
                .addMixIn(CommandResult.class, NonNullMixIn.class);
    }

    /** The entity views as the REST API writes them too (its own mapper): optional members left out. */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B views(final B builder) {
        return builder.addMixIn(Reservation.class, ReservationMixIn.class);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(CreateReservation.class),
            @JsonSubTypes.Type(SelectResource.class),
            @JsonSubTypes.Type(CancelReservation.class),
            @JsonSubTypes.Type(ConfirmHold.class)})
    private interface ReservationCommandMixIn {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(CreateWindow.class)})
    private interface WindowCommandMixIn {
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
    private interface ReservationEventMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(WindowCreated.class),
            @JsonSubTypes.Type(ResourceAllocated.class),
            @JsonSubTypes.Type(ResourceReleased.class),
            @JsonSubTypes.Type(WaitlistJoined.class),
            @JsonSubTypes.Type(WaitlistLeft.class)})
    private interface WindowEventMixIn {
    }

    /** Entities carry no type field in the contract: a window has {@code resources}, a reservation does not. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    @JsonSubTypes({
            @JsonSubTypes.Type(Reservation.class),
            @JsonSubTypes.Type(Window.class)})
    private interface EntityViewMixIn {
    }

    /**
     * {@code hold_expires_at} only while a reservation is HELD, {@code waitlist_position} only while it is WAITLISTED:
     * a reservation without either reads as before.
     */
    private interface ReservationMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant holdExpiresAt();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer waitlistPosition();
    }

    /** {@code from_waitlist} only on a promotion from the line: an ordinary allocation reads as before. */
    private interface ResourceAllocatedMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean fromWaitlist();
    }

    /** {@code hold_for}, {@code waitlist} and {@code waitlist_for} only on a selection that asked for them. */
    private interface SelectionStartedMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String holdFor();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean waitlist();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String waitlistFor();
    }

    /** Optional members ({@code code?}, {@code entity?}, {@code request_hash}, unused forward data) are left out, not null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface NonNullMixIn {
    }
}
