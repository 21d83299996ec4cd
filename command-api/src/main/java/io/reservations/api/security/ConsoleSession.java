package io.reservations.api.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseCookie;

/**
 * The console's session: the token a browser signed in with, kept in an HttpOnly, SameSite=Strict cookie (Secure
 * under TLS) that lives as long as the token. No token ever travels in a URL; the server keeps nothing.
 */
public final class ConsoleSession {

    public static final String COOKIE = "reservations_console";

    private ConsoleSession() {
    }

    /** The session's token, or null without the cookie. */
    public static String token(final HttpServletRequest request) {
        final Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (final Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The cookie that starts a session, ending when the token does. */
    public static ResponseCookie start(final String token, final Instant expiresAt, final boolean secure) {
        return cookie(token, Duration.between(Instant.now(), expiresAt), secure);
    }

    /** The cookie that ends it. */
    public static ResponseCookie end(final boolean secure) {
        return cookie("", Duration.ZERO, secure);
    }

    private static ResponseCookie cookie(final String value, final Duration maxAge, final boolean secure) {
        return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(secure).sameSite("Strict").path("/")
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge).build();
    }
}
