package io.reservations.api.commands;

import io.reservations.api.security.Caller;
import io.reservations.topics.Json;

/**
 * What every command POST shares: who calls, the idempotency key if any, and the command id derived from them.
 */
public record CommandEnvelope(Caller caller, String idempotencyKey, String commandId) {

    public static CommandEnvelope of(final String idempotencyKey) {
        final Caller caller = Caller.current();
        return new CommandEnvelope(caller, idempotencyKey, CommandIds.commandId(idempotencyKey, caller));
    }

    /** The given id, or one generated (stable for a retried request with an idempotency key). */
    public String entityId(final String given, final String kind) {
        return CommandIds.entityId(given, kind, idempotencyKey, commandId);
    }

    /** Digest of a POST to {@code path} with {@code body} (null for none); null without an idempotency key. */
    public String requestHash(final String path, final Object body) {
        return CommandIds.requestHash(idempotencyKey, "POST", path, body == null ? "" : Json.mapper().writeValueAsString(body));
    }
}
