package io.reservations.contract;

import java.util.regex.Pattern;

/** The id rule of the contract: 1 to 128 letters, digits, '-', '_', '.', ':'. */
public final class Ids {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Ids() {
    }

    public static boolean isValid(final String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Returns {@code id} or throws {@link IllegalArgumentException} naming the field. */
    public static String require(final String field, final String id) {
        if (id == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!VALID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    field + " must be 1 to 128 letters, digits, '-', '_', '.' or ':' but was '" + abbreviate(id) + "'");
        }
        return id;
    }

    public static <T> T requirePresent(final String field, final T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static String abbreviate(final String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "...";
    }
}
