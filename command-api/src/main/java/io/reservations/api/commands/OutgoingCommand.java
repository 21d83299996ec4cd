package io.reservations.api.commands;

/** A serialized command ready for its topic, keyed by its entity id. */
public record OutgoingCommand(String topic, String key, String commandId, String requestHash, byte[] value) {
}
