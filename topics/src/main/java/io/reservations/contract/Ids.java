package io.reservations.contract;

/**
 * The id rule of the contract: 1 to 128 letters, digits, '-', '_', '.', ':'. Checked by hand, not by a regular
 * expression: every record of the contract checks its ids when it is built, decoded records included (a window of
 * 10,000 resources has 20,000), and the matcher was 4 % of the stream thread's samples (docs/PERFORMANCE.md).
 */
public final class Ids {

    private static final int MAX_LENGTH = 128;

    private Ids() {
    }

    public static boolean isValid(final String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!allowed(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(final char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '_' || c == ':' || c == '-';
    }

    /** Returns {@code id} or throws {@link IllegalArgumentException} naming the field. */
    public static String require(final String field, final String id) {
        if (id == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!isValid(id)) {
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
