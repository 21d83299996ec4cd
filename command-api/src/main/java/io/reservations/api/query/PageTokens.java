package io.reservations.api.query;

import io.reservations.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque page tokens: where the next page starts, bound to the query and the caller that got it. A token damaged
 * on its way, or used for another query or by another caller, is refused (400 {@code invalid}). The digest is a
 * checksum with no key, not a signature: anyone can compute the token of a position in a listing of their own, and
 * that is all a token can say, since every page applies the caller's rights again; so any instance reads any token.
 */
public final class PageTokens {

    /** The contract's page size bounds and default. */
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageTokens() {
    }

    /** {@code limit} as asked, the default when absent; outside 1 to 500: 400. */
    public static int limit(final Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit must be 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    /**
     * @param scope    what the token is bound to: the caller and every filter of the query (not the limit, which may
     *                 change from page to page)
     * @param position where the next page starts, in the listing's own terms (a declared position, an id)
     */
    public static String issue(final String scope, final String position) {
        return ENCODER.encodeToString((position + "." + digest(scope, position)).getBytes(StandardCharsets.UTF_8));
    }

    public static String issue(final String scope, final int position) {
        return issue(scope, String.valueOf(position));
    }

    /** Where the page starts: null without a token, else the position the token carries for this scope. */
    public static String position(final String scope, final String token) {
        if (token == null) {
            return null;
        }
        final String decoded;
        try {
            decoded = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (final IllegalArgumentException e) {
            throw foreign();
        }
        final int dot = decoded.lastIndexOf('.');
        if (dot < 0 || !decoded.substring(dot + 1).equals(digest(scope, decoded.substring(0, dot)))) {
            throw foreign();
        }
        return decoded.substring(0, dot);
    }

    /** A declared position: {@code first} without a token. */
    public static int position(final String scope, final String token, final int first) {
        final String position = position(scope, token);
        if (position == null) {
            return first;
        }
        try {
            final int parsed = Integer.parseInt(position);
            if (parsed < 0) {
                throw foreign();
            }
            return parsed;
        } catch (final NumberFormatException e) {
            throw foreign();
        }
    }

    private static ApiException foreign() {
        return ApiException.invalid("page_token is not one this query gave this caller: start again without it");
    }

    private static String digest(final String scope, final String position) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("page-v1\n" + scope + "\n" + position).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
