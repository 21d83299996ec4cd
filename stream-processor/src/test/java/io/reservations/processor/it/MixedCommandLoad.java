package io.reservations.processor.it;

import io.reservations.contract.CancelReservation;
import io.reservations.contract.CreateReservation;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectResource;
import io.reservations.contract.WindowCommand;
import io.reservations.topics.Topics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A reproducible mix of commands: windows, reservations, then selections (some for a type the window lacks,
 * some racing each other on one reservation) and cancels, interleaved at random.
 */
public final class MixedCommandLoad {

    /** One command and the topic key it is published under. */
    public record Keyed(String key, Object command, String commandId) {
    }

    private MixedCommandLoad() {
    }

    public static List<Keyed> windowsAndReservations(final int windows, final int resourcesPerWindow, final int reservations) {
        final List<Keyed> commands = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            final List<ResourceSpec> resources = new ArrayList<>();
            for (int r = 0; r < resourcesPerWindow; r++) {
                resources.add(new ResourceSpec("res-" + r, r % 3 == 0 ? "desk" : "seat"));
            }
            final String id = windowId(w);
            commands.add(new Keyed(id, new CreateWindow("create-" + id, id, resources), "create-" + id));
        }
        for (int r = 0; r < reservations; r++) {
            final String id = reservationId(r);
            commands.add(new Keyed(id, new CreateReservation("create-" + id, id, windowId(r % windows)), "create-" + id));
        }
        return commands;
    }

    public static List<Keyed> selectionsAndCancels(final int reservations, final long seed) {
        final Random random = new Random(seed);
        final List<Keyed> commands = new ArrayList<>();
        for (int r = 0; r < reservations; r++) {
            final String id = reservationId(r);
            final int attempts = 1 + random.nextInt(2);
            for (int a = 0; a < attempts; a++) {
                final String type = random.nextInt(10) == 0 ? "lamp" : random.nextBoolean() ? "seat" : "desk";
                final String commandId = "select-" + id + "-" + a;
                commands.add(new Keyed(id, new SelectResource(commandId, id, type), commandId));
            }
            if (random.nextInt(4) == 0) {
                commands.add(new Keyed(id, new CancelReservation("cancel-" + id, id), "cancel-" + id));
            }
        }
        Collections.shuffle(commands, random);
        return commands;
    }

    /** Publishes each command to its topic under its key, and waits until all are acknowledged. */
    public static void publish(final Producer<String, byte[]> producer, final List<Keyed> commands) {
        for (final Keyed keyed : commands) {
            final ProducerRecord<String, byte[]> record;
            if (keyed.command() instanceof WindowCommand command) {
                record = new ProducerRecord<>(Topics.WINDOW_COMMANDS.name(), keyed.key(),
                        Topics.WINDOW_COMMANDS.valueSerde().serializer().serialize(Topics.WINDOW_COMMANDS.name(), command));
            } else {
                record = new ProducerRecord<>(Topics.RESERVATION_COMMANDS.name(), keyed.key(),
                        Topics.RESERVATION_COMMANDS.valueSerde().serializer().serialize(Topics.RESERVATION_COMMANDS.name(),
                                (ReservationCommand) keyed.command()));
            }
            producer.send(record);
        }
        producer.flush();
    }

    private static String windowId(final int w) {
        return "window-" + w;
    }

    private static String reservationId(final int r) {
        return "reservation-" + r;
    }
}
