package io.reservations.api.query;

import io.reservations.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque page tokens: where the next page starts, bound to the query and the caller that got it. A token edited by
 * hand, or used for another query or by another caller, is refused (400 {@code invalid}). Tokens are checked, not
 * secret: every page applies the caller's rights again, so a token grants nothing by itself.
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
     * @param scope what the token is bound to: the caller and every filter of the query (not the limit, which may
     *              change from page to page)
     */
    public static String issue(final String scope, final int position) {
        return ENCODER.encodeToString((position + "." + digest(scope, String.valueOf(position))).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page starts: {@code first} without a token, else the position the token carries for this scope. */
    public static int position(final String scope, final String token, final int first) {
        if (token == null) {
            return first;
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
        try {
            final int position = Integer.parseInt(decoded.substring(0, dot));
            if (position < 0) {
                throw foreign();
            }
            return position;
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
