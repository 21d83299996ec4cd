package io.reservations.api.commands;

import io.reservations.api.security.Caller;
import io.reservations.topics.Json;
import java.time.Duration;

/**
 * What every command POST shares, resolved once per request by {@link CommandRequestResolver}: who calls, the
 * {@code Idempotency-Key} if any and the command id derived from them, and how long the client waits for the
 * command's result ({@code ?wait_ms=}, {@code Prefer: respond-async}); and its {@code Authorization}, for a read
 * made on the caller's behalf (is this a retry of a command another instance accepted?).
 */
public record CommandRequest(Caller caller, String idempotencyKey, String commandId, Duration resultWait,
                             String authorization) {

    /** The given id, or one generated (stable for a retried request with an idempotency key). */
    public String entityId(final String given, final String kind) {
        return CommandIds.entityId(given, kind, idempotencyKey, commandId);
    }

    /** Digest of a POST to {@code path} with {@code body} (null for none); null without an idempotency key. */
    public String requestHash(final String path, final Object body) {
        return CommandIds.requestHash(idempotencyKey, "POST", path, body == null ? "" : Json.mapper().writeValueAsString(body));
    }
}
