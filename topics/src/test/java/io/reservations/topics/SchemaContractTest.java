package io.reservations.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.reservations.contract.Bundle;
import io.reservations.contract.BundleCancelled;
import io.reservations.contract.BundleCommand;
import io.reservations.contract.BundleConfirmed;
import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleExpired;
import io.reservations.contract.BundleForwards;
import io.reservations.contract.BundleHeld;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleRejected;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.BundleStep;
import io.reservations.contract.CancelBundle;
import io.reservations.contract.CancelReservation;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ConfirmBundle;
import io.reservations.contract.ConfirmHold;
import io.reservations.contract.CreateBundle;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.Operation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.SelectionRejected;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.Waitlisted;
import io.reservations.contract.Window;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowCreated;
import io.reservations.contract.WindowEvent;
import io.reservations.contract.WindowResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in JSON Schemas under {@code schemas/<topic>/<type>.schema.json} describe exactly what the serde
 * writes: every message type of every topic has one, and serialized samples of each validate against it.
 */
class SchemaContractTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Arguments> samples() {
        final Reservation confirmed = new Reservation("r", "w", ReservationStatus.CONFIRMED, new SelectedResource("a", "seat"));
        final Reservation pending = new Reservation("r", "w", ReservationStatus.PENDING, null, "alice");
        final Window window = new Window("w", List.of(new WindowResource("a", "seat", false, "r"),
                new WindowResource("b", "desk", true, null)));
        final List<BundleItem> held = List.of(new BundleItem("r1", "seat", new SelectedResource("a", "seat")),
                new BundleItem("r2", "desk", new SelectedResource("d", "desk")));
        final Bundle heldBundle = new Bundle("b", BundleStatus.HELD, held, "alice", NOW.plusSeconds(600), null, null);
        final Bundle rejectedBundle = new Bundle("b", BundleStatus.REJECTED,
                List.of(new BundleItem("r1", "seat"), new BundleItem("r2", "desk")), "alice", null,
                ErrorCode.NO_RESOURCE_AVAILABLE.slug(), "r2");
        final List<Arguments> samples = new ArrayList<>();
        for (final ReservationCommand command : List.of(new CreateReservation("c", "r", "w"),
                new CreateReservation("c", "r", "w", "d1g35t", "alice"), new SelectResource("c", "r", "seat"), new SelectResource("c", "r", "seat", "d1g35t", "alice", false),
                new CancelReservation("c", "r"), new CancelReservation("c", "r", null, "alice", false),
                new SelectResource("c", "r", "seat", null, "alice", false, "PT10M"), new ConfirmHold("c", "r"),
                new ConfirmHold("c", "r", "d1g35t", "alice", false),
                new SelectResource("c", "r", "seat", null, "alice", false, null, true, null),
                new SelectResource("c", "r", "seat", null, "alice", false, "PT10M", true, "P2D"))) {
            samples.add(sample(Topics.RESERVATION_COMMANDS, command));
        }
        final WindowCommand createWindow = new CreateWindow("c", "w", List.of(new ResourceSpec("a", "seat")));
        samples.add(sample(Topics.WINDOW_COMMANDS, createWindow));
        samples.add(sample(Topics.WINDOW_COMMANDS,
                new CreateWindow("c", "w", List.of(new ResourceSpec("a", "seat")), "d1g35t", "planner")));
        for (final ReservationEvent event : List.<ReservationEvent>of(new ReservationCreated("c", NOW, "r", "w"),
                new ReservationCreated("c", NOW, "r", "w", "alice"),
                new SelectionStarted("c", NOW, "r", "w", "seat"), new ResourceSelected("c", NOW, "r", "w", "a", "seat"),
                new SelectionRejected("c", NOW, "r", "w", "seat", ErrorCode.NO_RESOURCE_AVAILABLE.slug()),
                new ReservationCancelled("c", NOW, "r", "w", null), new ReservationCancelled("c", NOW, "r", "w", "a"),
                new ResourceHeld("c", NOW, "r", "w", "a", "seat", NOW.plusSeconds(600)),
                new HoldConfirmed("c2", NOW, "r", "w", "a"), new HoldExpired("c", NOW, "r", "w", "a"),
                new SelectionStarted("c", NOW, "r", "w", "seat", "PT10M"),
                new Waitlisted("c", NOW, "r", "w", "seat", 3, NOW.plusSeconds(86_400)),
                new SelectionStarted("c", NOW, "r", "w", "seat", null, true, "P2D"),
                new SelectionStarted("c", NOW, "r", "w", "seat", null, null, null, "b"))) {
            samples.add(sample(Topics.RESERVATION_EVENTS, event));
        }
        for (final WindowEvent event : List.<WindowEvent>of(new WindowCreated("c", NOW, "w", List.of(new ResourceSpec("a", "seat"))),
                new ResourceAllocated("c", NOW, "w", "a", "seat", "r"), new ResourceReleased("c", NOW, "w", "a", "seat", "r"),
                new ResourceAllocated("c", NOW, "w", "a", "seat", "r", true), new WaitlistJoined("c", NOW, "w", "seat", "r", 1),
                new WaitlistLeft("c", NOW, "w", "seat", "r"))) {
            samples.add(sample(Topics.WINDOW_EVENTS, event));
        }
        final CommandResult cancelResult = CommandResult.succeeded("c2", pending).answering("abc", "alice");
        for (final ForwardWrite write : List.of(
                ForwardWrite.of("c", Operation.ALLOCATE_RESOURCE, ForwardData.allocate("r", "w", "seat", "alice"), 1),
                ForwardWrite.of("c", Operation.CONFIRM_SELECTION, ForwardData.confirm("r", "w", "a", "seat"), 2),
                ForwardWrite.of("c", Operation.REJECT_SELECTION, ForwardData.reject("r", "w", ErrorCode.WINDOW_NOT_FOUND.slug()), 2),
                ForwardWrite.of("c2", Operation.RELEASE_RESOURCE,
                        ForwardData.release("r", "w", "a", "seat").withResult(cancelResult), 1),
                ForwardWrite.of("c", Operation.EXPIRE_HOLD, ForwardData.expire("r", "w"), 3),
                ForwardWrite.of("c", Operation.EXPIRE_SELECTION, ForwardData.expire("r", "w"), 3),
                ForwardWrite.of("c", Operation.ALLOCATE_RESOURCE, ForwardData.allocateOrWait("r", "w", "seat", "alice"), 1),
                ForwardWrite.of("c", Operation.WAITLIST_SELECTION, ForwardData.waitlisted("r", "w", "seat", 2), 2),
                ForwardWrite.of("c", Operation.CONFIRM_SELECTION, ForwardData.promoted("r", "w", "a", "seat"), 2),
                ForwardWrite.of("c", Operation.LEAVE_WAITLIST, ForwardData.leave("r", "w", "seat"), 1),
                ForwardWrite.of("c", Operation.EXPIRE_WAITLIST, ForwardData.expire("r", "w"), 3),
                ForwardWrite.of("c", Operation.SELECT_FOR_BUNDLE, BundleForwards.selectForBundle("b", "r", "seat", "alice", false), 4),
                ForwardWrite.of("c", Operation.BUNDLE_ITEM_SELECTED, BundleForwards.itemSelected("b", "r", "w", "a", "seat"), 1),
                ForwardWrite.of("c", Operation.BUNDLE_ITEM_REJECTED,
                        BundleForwards.itemRejected("b", "r", ErrorCode.NO_RESOURCE_AVAILABLE.slug()), 1),
                ForwardWrite.of("c", Operation.SETTLE_BUNDLE_ITEM,
                        BundleForwards.settleHolding("b", "r", new SelectedResource("a", "seat"), NOW.plusSeconds(600)), 4),
                ForwardWrite.of("c", Operation.SETTLE_BUNDLE_ITEM,
                        BundleForwards.settleRejected("b", "r", ErrorCode.NO_RESOURCE_AVAILABLE.slug()), 4),
                ForwardWrite.of("c", Operation.SETTLE_BUNDLE_ITEM, BundleForwards.settle("b", "r", BundleStep.CANCEL), 4),
                ForwardWrite.of("c", Operation.BUNDLE_ITEM_SETTLED, BundleForwards.settled("b", "r", BundleStep.HOLD), 1),
                ForwardWrite.of("c", Operation.EXPIRE_BUNDLE, BundleForwards.expireBundle("b"), 4))) {
            samples.add(sample(Topics.FORWARD_WRITES, write));
        }
        for (final CommandResult result : List.of(CommandResult.succeeded("c", confirmed), CommandResult.succeeded("c", window),
                CommandResult.rejected("c", ErrorCode.SELECTION_IN_PROGRESS.slug()), cancelResult,
                CommandResult.succeeded("c", new Reservation("r", "w", ReservationStatus.HELD, new SelectedResource("a", "seat"),
                        "alice", NOW.plusSeconds(600))),
                CommandResult.succeeded("c", new Reservation("r", "w", ReservationStatus.WAITLISTED, null, "alice", null, 4)),
                CommandResult.succeeded("c", new Reservation("r", "w", ReservationStatus.CONFIRMED,
                        new SelectedResource("a", "seat"), "alice", null, null, "b")),
                CommandResult.succeeded("c", heldBundle),
                new CommandResult("c", CommandStatus.REJECTED, ErrorCode.NO_RESOURCE_AVAILABLE.slug(), rejectedBundle, null,
                        "alice"))) {
            samples.add(sample(Topics.COMMAND_RESULTS, result));
        }
        final List<BundleItem> asked = List.of(new BundleItem("r1", "seat"), new BundleItem("r2", "desk"));
        for (final BundleCommand command : List.of(new CreateBundle("c", "b", asked, null, null, "alice", false),
                new CreateBundle("c", "b", asked, "PT10M", "d1g35t", "alice", false),
                new ConfirmBundle("c", "b", null, "alice", false), new CancelBundle("c", "b", "d1g35t", "alice", true))) {
            samples.add(sample(Topics.BUNDLE_COMMANDS, command));
        }
        for (final BundleEvent event : List.<BundleEvent>of(new BundleStarted("c", NOW, "b", "alice", asked, null),
                new BundleStarted("c", NOW, "b", "alice", asked, "PT10M"), new BundleConfirmed("c", NOW, "b", held),
                new BundleHeld("c", NOW, "b", held, NOW.plusSeconds(600)),
                new BundleRejected("c", NOW, "b", ErrorCode.NO_RESOURCE_AVAILABLE.slug(), "r2"),
                new BundleExpired("c", NOW, "b"), new BundleCancelled("c", NOW, "b"))) {
            samples.add(sample(Topics.BUNDLE_EVENTS, event));
        }
        return samples.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void shouldValidateSerializedSamplesAgainstTheirSchema(final String topic, final String type, final String json)
            throws IOException {
        final List<Error> errors = schema(topic, type).validate(json, InputFormat.JSON);

        assertThat(errors).as(json).isEmpty();
    }

    @Test
    void shouldHaveASchemaForEveryMessageTypeOfEveryTopic() throws IOException {
        assertSchemasFor(Topics.RESERVATION_COMMANDS, ReservationCommand.class);
        assertSchemasFor(Topics.WINDOW_COMMANDS, WindowCommand.class);
        assertSchemasFor(Topics.RESERVATION_EVENTS, ReservationEvent.class);
        assertSchemasFor(Topics.WINDOW_EVENTS, WindowEvent.class);
        assertSchemasFor(Topics.BUNDLE_COMMANDS, BundleCommand.class);
        assertSchemasFor(Topics.BUNDLE_EVENTS, BundleEvent.class);
        assertThat(schema(Topics.FORWARD_WRITES.name(), "ForwardWrite")).isNotNull();
        assertThat(schema(Topics.COMMAND_RESULTS.name(), "CommandResult")).isNotNull();
    }

    @Test
    void shouldRejectARecordMissingARequiredField() throws IOException {
        final List<Error> errors = schema("reservation.commands", "SelectResource")
                .validate("{\"type\":\"SelectResource\",\"command_id\":\"c\",\"reservation_id\":\"r\"}", InputFormat.JSON);

        assertThat(errors).isNotEmpty();
    }

    private static void assertSchemasFor(final TopicSpec<?, ?> topic, final Class<?> sealed) throws IOException {
        for (final Class<?> type : sealed.getPermittedSubclasses()) {
            assertThat(schema(topic.name(), type.getSimpleName())).as("%s/%s", topic.name(), type.getSimpleName()).isNotNull();
        }
    }

    private static Schema schema(final String topic, final String type) throws IOException {
        final String path = "/schemas/" + topic + "/" + type + ".schema.json";
        try (InputStream in = SchemaContractTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return REGISTRY.getSchema(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Arguments sample(final TopicSpec<String, V> topic, final Object value) {
        final byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), (V) value);
        return Arguments.of(topic.name(), value.getClass().getSimpleName(), new String(bytes, StandardCharsets.UTF_8));
    }
}
