package io.reservations.api.commands;

import io.reservations.api.errors.ApiException;
import io.reservations.api.security.Caller;
import io.reservations.contract.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Command ids and request digests. With an {@code Idempotency-Key} the key is the command id, and any id the
 * server generates is derived from it, so a retried request is the same command down to its digest.
 */
public final class CommandIds {

    private CommandIds() {
    }

    /**
     * The command id: a new UUID, or derived from the caller-scoped idempotency key, so one caller's key never
     * meets another caller's.
     */
    public static String commandId(final String idempotencyKey, final Caller caller) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!Ids.isValid(idempotencyKey)) {
            throw ApiException.invalid("Idempotency-Key must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        return UUID.nameUUIDFromBytes(caller.scope(idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The given entity id, or one generated (from the command id when the request has an idempotency key). */
    public static String entityId(final String given, final String kind, final String idempotencyKey,
                                  final String commandId) {
        if (given != null) {
            return given;
        }
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((kind + ":" + commandId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Digest of what the request asks for (method, path, normalized body); null without an idempotency key. */
    public static String requestHash(final String idempotencyKey, final String method, final String path,
                                     final String canonicalBody) {
        if (idempotencyKey == null) {
            return null;
        }
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n" + canonicalBody).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
