package io.reservations.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.contract.CommandResult;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.ForwardData;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.Operation;
import io.reservations.contract.Reservation;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.SelectedResource;
import io.reservations.contract.Window;
import io.reservations.contract.WindowCommand;
import io.reservations.contract.WindowResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<ReservationCommand> commands = new JsonSerde<>(ReservationCommand.class);

    @Test
    void shouldWriteCommandsAsSnakeCaseJsonWithTypeDiscriminator() {
        final byte[] bytes = commands.serialize("t", new SelectResource("c-1", "r-1", "optical_channel"));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"SelectResource\",\"command_id\":\"c-1\",\"reservation_id\":\"r-1\",\"resource_type\":\"optical_channel\",\"requested_by_admin\":true}");
    }

    @Test
    void shouldReadWhatItWrites() {
        final WindowCommand create = new CreateWindow("c-2", "w-1",
                List.of(new ResourceSpec("a", "seat"), new ResourceSpec("b", "desk")));
        final JsonSerde<WindowCommand> serde = new JsonSerde<>(WindowCommand.class);

        assertThat(serde.deserialize("t", serde.serialize("t", create))).isEqualTo(create);
    }

    @Test
    void shouldWriteEventsWithIsoInstants() {
        final JsonSerde<ReservationEvent> serde = new JsonSerde<>(ReservationEvent.class);
        final ReservationEvent event = new ResourceSelected("c", Instant.parse("2026-01-02T03:04:05Z"), "r", "w", "a", "seat");

        final String json = new String(serde.serialize("t", event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"ResourceSelected\"", "\"occurred_at\":\"2026-01-02T03:04:05Z\"",
                "\"window_id\":\"w\"", "\"resource_id\":\"a\"");
        assertThat(serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Test
    void shouldWriteForwardWritesWithOnlyTheDataTheOperationUses() {
        final JsonSerde<ForwardWrite> serde = new JsonSerde<>(ForwardWrite.class);
        final ForwardWrite write = ForwardWrite.of("c", Operation.ALLOCATE_RESOURCE,
                ForwardData.allocate("r", "w", "seat"), 3);

        final String json = new String(serde.serialize("t", write), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"forward_id\":\"c/allocate_resource/w\",\"command_id\":\"c\",\"entity_type\":\"WINDOW\","
                + "\"entity_id\":\"w\",\"operation\":\"ALLOCATE_RESOURCE\",\"data\":{\"reservation_id\":\"r\","
                + "\"window_id\":\"w\",\"resource_type\":\"seat\"},\"origin_partition\":3}");
        assertThat(serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(write);
    }

    @Test
    void shouldReadTheEntityOfAResultWithoutATypeField() {
        final JsonSerde<CommandResult> serde = new JsonSerde<>(CommandResult.class);
        final CommandResult reservation = CommandResult.succeeded("c1",
                new Reservation("r", "w", ReservationStatus.CONFIRMED, new SelectedResource("a", "seat")));
        final CommandResult window = CommandResult.succeeded("c2",
                new Window("w", List.of(new WindowResource("a", "seat", false, "r"))));
        final CommandResult rejected = CommandResult.rejected("c3", ErrorCode.NO_RESOURCE_AVAILABLE.slug());

        assertThat(new String(serde.serialize("t", reservation), StandardCharsets.UTF_8)).isEqualTo(
                "{\"command_id\":\"c1\",\"status\":\"SUCCEEDED\",\"entity\":{\"id\":\"r\",\"window_id\":\"w\","
                        + "\"status\":\"CONFIRMED\",\"selected_resource\":{\"id\":\"a\",\"type\":\"seat\"},\"owner\":null}}");
        assertThat(new String(serde.serialize("t", rejected), StandardCharsets.UTF_8)).isEqualTo(
                "{\"command_id\":\"c3\",\"status\":\"REJECTED\",\"code\":\"no-resource-available\"}");
        for (final CommandResult result : List.of(reservation, window, rejected)) {
            assertThat(serde.deserialize("t", serde.serialize("t", result))).isEqualTo(result);
        }
    }

    @Test
    void shouldRaiseSerializationExceptionForBytesThatAreNotJson() {
        assertThatThrownBy(() -> commands.deserialize("reservation.commands", new byte[]{(byte) 0xff, 0x00, 0x7b}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reservation.commands");
    }

    @Test
    void shouldRaiseSerializationExceptionForAnUnknownType() {
        assertThatThrownBy(() -> commands.deserialize("t", utf8("{\"type\":\"DropTable\",\"command_id\":\"c\"}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("DropTable");
    }

    @Test
    void shouldRaiseSerializationExceptionForAMissingType() {
        assertThatThrownBy(() -> commands.deserialize("t", utf8("{\"command_id\":\"c\",\"reservation_id\":\"r\"}")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRaiseSerializationExceptionNamingTheInvalidField() {
        assertThatThrownBy(() -> commands.deserialize("t", utf8(
                "{\"type\":\"SelectResource\",\"command_id\":\"c\",\"reservation_id\":\"has space\",\"resource_type\":\"x\"}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reservation_id");
        assertThatThrownBy(() -> commands.deserialize("t", utf8(
                "{\"type\":\"SelectResource\",\"command_id\":\"c\",\"reservation_id\":\"r\"}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("resource_type is required");
    }

    @Test
    void shouldRejectAForwardWriteWhoseOperationDoesNotFitItsEntity() {
        final JsonSerde<ForwardWrite> serde = new JsonSerde<>(ForwardWrite.class);
        final String json = "{\"forward_id\":\"f\",\"command_id\":\"c\",\"entity_type\":\"RESERVATION\",\"entity_id\":\"r\","
                + "\"operation\":\"ALLOCATE_RESOURCE\",\"data\":{\"reservation_id\":\"r\",\"window_id\":\"w\","
                + "\"resource_type\":\"seat\"},\"origin_partition\":0}";

        assertThatThrownBy(() -> serde.deserialize("t", utf8(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("applies to a WINDOW");
    }

    @Test
    void shouldRejectTrailingGarbage() {
        assertThatThrownBy(() -> commands.deserialize("t", utf8(
                "{\"type\":\"CancelReservation\",\"command_id\":\"c\",\"reservation_id\":\"r\"} trailing")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldReadANullPayloadAsNull() {
        assertThat(commands.deserialize("t", null)).isNull();
    }

    private static byte[] utf8(final String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
