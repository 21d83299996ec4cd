package io.reservations.api.commands;

/** A serialized command ready for its topic, keyed by its entity id, and the subject that sent it (or null). */
public record OutgoingCommand(String topic, String key, String commandId, String requestHash, byte[] value,
                              String subject) {
}
