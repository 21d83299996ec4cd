package io.reservations.topics;

import io.reservations.contract.Bundle;
import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.CommandResult;
import io.reservations.contract.EntityView;
import io.reservations.contract.ForwardData;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of every topic in one place: UTF-8 JSON, snake_case fields, a {@code type} discriminator
 * on commands and events, ISO-8601 instants. The contract records stay free of Jackson annotations; the
 * polymorphism and the optional members are declared with mix-ins ({@link JsonMixIns}, {@link JsonOptionalMembers}).
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
                .addMixIn(ReservationCommand.class, JsonMixIns.ReservationCommandMixIn.class)
                .addMixIn(WindowCommand.class, JsonMixIns.WindowCommandMixIn.class)
                .addMixIn(BundleCommand.class, JsonMixIns.BundleCommandMixIn.class)
                .addMixIn(BundleEvent.class, JsonMixIns.BundleEventMixIn.class)
                .addMixIn(Bundle.class, JsonOptionalMembers.BundleMixIn.class)
                .addMixIn(BundleItem.class, JsonOptionalMembers.BundleItemMixIn.class)
                .addMixIn(BundleStarted.class, JsonOptionalMembers.BundleStartedMixIn.class)
                .addMixIn(ReservationEvent.class, JsonMixIns.ReservationEventMixIn.class)
                .addMixIn(WindowEvent.class, JsonMixIns.WindowEventMixIn.class)
                .addMixIn(EntityView.class, JsonMixIns.EntityViewMixIn.class)
                .addMixIn(SelectionStarted.class, JsonOptionalMembers.SelectionStartedMixIn.class)
                .addMixIn(ResourceAllocated.class, JsonOptionalMembers.ResourceAllocatedMixIn.class)
                .addMixIn(Reservation.class, JsonOptionalMembers.ReservationMixIn.class)
                .addMixIn(ForwardData.class, JsonOptionalMembers.NonNullMixIn.class)
                .addMixIn(CommandResult.class, JsonOptionalMembers.NonNullMixIn.class);
    }

    /** The entity views as the REST API writes them too (its own mapper): optional members left out. */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B views(final B builder) {
        return builder.addMixIn(Reservation.class, JsonOptionalMembers.ReservationMixIn.class)
                .addMixIn(Bundle.class, JsonOptionalMembers.BundleMixIn.class)
                .addMixIn(BundleItem.class, JsonOptionalMembers.BundleItemMixIn.class);
    }
}
