package io.reservations.api.security;

/** The API's scopes and the admin role, as they appear in tokens ({@code scope} and {@code roles} claims). */
public final class Scopes {

    public static final String WINDOWS_WRITE = "windows:write";
    public static final String RESERVATIONS_WRITE = "reservations:write";
    public static final String READ = "read";
    public static final String ALL = WINDOWS_WRITE + " " + RESERVATIONS_WRITE + " " + READ;
    public static final String ADMIN_ROLE = "admin";

    private Scopes() {
    }
}
