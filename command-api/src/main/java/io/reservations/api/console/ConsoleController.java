package io.reservations.api.console;

import io.reservations.api.security.ConsoleSession;
import io.reservations.api.security.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console}: the operator's page, and signing in to it: a token pasted once becomes the session cookie
 * (ConsoleSession) that the page's reads and change streams carry. Only admins' tokens open a session.
 */
@Controller
@RequestMapping("/console")
public class ConsoleController {

    /** Where authentication is off, tokens have no expiry to end a session with. */
    private static final Duration SESSION_WITHOUT_EXPIRY = Duration.ofHours(12);

    private final JwtDecoder tokens;
    private final ConsolePages pages;

    public ConsoleController(final JwtDecoder tokens, final ConsolePages pages) {
        this.tokens = tokens;
        this.pages = pages;
    }

    /** The page; asking for the CSRF token here sets its cookie (XSRF-TOKEN), which the page's actions send back. */
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> console(final CsrfToken csrf) {
        csrf.getToken();
        return html(HttpStatus.OK, pages.console());
    }

    @GetMapping(value = "/sign-in", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> signInPage() {
        return html(HttpStatus.OK, pages.signIn(""));
    }

    @PostMapping(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> signIn(@RequestParam(name = "token", defaultValue = "") final String token,
                                         final HttpServletRequest request) {
        final Jwt jwt;
        try {
            jwt = tokens.decode(token.strip());
        } catch (final JwtException | IllegalArgumentException e) {
            return html(HttpStatus.UNAUTHORIZED, pages.signIn("That is not a valid token (or it has expired)."));
        }
        final List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles == null || !roles.contains(Scopes.ADMIN_ROLE)) {
            return html(HttpStatus.FORBIDDEN, pages.signIn("The console is for admins: that token is not an admin's."));
        }
        final Instant expiresAt = jwt.getExpiresAt() != null ? jwt.getExpiresAt()
                : Instant.now().plus(SESSION_WITHOUT_EXPIRY);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/console"))
                .header(HttpHeaders.SET_COOKIE, ConsoleSession.start(token.strip(), expiresAt, request.isSecure())
                        .toString()).build();
    }

    @PostMapping("/sign-out")
    public ResponseEntity<Void> signOut(final HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/console/sign-in"))
                .header(HttpHeaders.SET_COOKIE, ConsoleSession.end(request.isSecure()).toString()).build();
    }

    private static ResponseEntity<String> html(final HttpStatus status, final String page) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(page);
    }
}
