package io.reservations.api.commands;

import io.reservations.contract.BundleCommand;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.WindowCommand;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;

/** A serialized command ready for its topic, keyed by its entity id, and the subject that sent it (or null). */
public record OutgoingCommand(String topic, String key, String commandId, String requestHash, byte[] value,
                              String subject) {

    static OutgoingCommand of(final ReservationCommand command, final String subject) {
        return of(Topics.RESERVATION_COMMANDS, command, command.reservationId(), command.commandId(),
                command.requestHash(), subject);
    }

    static OutgoingCommand of(final WindowCommand command, final String subject) {
        return of(Topics.WINDOW_COMMANDS, command, command.windowId(), command.commandId(), command.requestHash(),
                subject);
    }

    static OutgoingCommand of(final BundleCommand command, final String subject) {
        return of(Topics.BUNDLE_COMMANDS, command, command.bundleId(), command.commandId(), command.requestHash(),
                subject);
    }

    private static <V> OutgoingCommand of(final TopicSpec<String, V> topic, final V command, final String key,
                                          final String commandId, final String requestHash, final String subject) {
        return new OutgoingCommand(topic.name(), key, commandId, requestHash,
                topic.valueSerde().serializer().serialize(topic.name(), command), subject);
    }
}
