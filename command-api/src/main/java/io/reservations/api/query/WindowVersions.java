package io.reservations.api.query;

import java.util.OptionalLong;

/** A window's version as the weak entity tag of {@code GET /windows/{id}}: {@code W/"<version>"}. */
public final class WindowVersions {

    private WindowVersions() {
    }

    public static String etag(final long version) {
        return "W/\"" + version + "\"";
    }

    /** The version an entity tag carries; empty for none or another kind of tag. */
    public static OptionalLong of(final String etag) {
        if (etag == null || !etag.startsWith("W/\"") || !etag.endsWith("\"") || etag.length() < 5) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(etag.substring(3, etag.length() - 1)));
        } catch (final NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
