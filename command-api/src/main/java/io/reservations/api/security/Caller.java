package io.reservations.api.security;

import io.reservations.api.errors.ApiException;
import io.reservations.contract.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the token's subject (never blank: tokens without one are refused) and whether it is an admin.
 * With authentication turned off every caller is the admin {@value #ANONYMOUS}; with it on, a request without a
 * recognised token has no caller.
 */
public record Caller(String subject, boolean admin) {

    public static final String ANONYMOUS = "anonymous";
    private static final String ROLE = "ROLE_";

    public Caller {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a caller has a subject");
        }
    }

    /**
     * The caller of the request in progress: a bearer token's subject, or the admin {@value #ANONYMOUS} when
     * authentication is off (SecurityConfiguration marks that anonymous caller as admin). Anything else, including
     * an anonymous caller while authentication is on, is refused: 401 {@code unauthenticated}, never a default.
     */
    public static Caller current() {
        final Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new Caller(jwt.getToken().getSubject(), isAdmin(jwt));
        }
        if (authentication instanceof AnonymousAuthenticationToken anonymous
                && ANONYMOUS.equals(anonymous.getPrincipal()) && isAdmin(anonymous)) {
            return new Caller(ANONYMOUS, true);
        }
        throw new ApiException(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.description());
    }

    /** When the token of the request in progress expires; empty without a token or without an expiry. */
    public static Optional<Instant> currentTokenExpiry() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? Optional.ofNullable(jwt.getToken().getExpiresAt()) : Optional.empty();
    }

    /**
     * The request in progress's token as an {@code Authorization} value, whether it came in that header or in the
     * console's session cookie: what a read passed on to a processor instance carries.
     */
    public static Optional<String> currentAuthorization() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? Optional.of("Bearer " + jwt.getToken().getTokenValue()) : Optional.empty();
    }

    /** The roles ({@code roles} claim) of the request in progress's caller; none without a token. */
    public static List<String> currentRoles() {
        return rolesOf(SecurityContextHolder.getContext().getAuthentication());
    }

    static List<String> rolesOf(final Authentication authentication) {
        return authentication == null ? List.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith(ROLE))
                .map(authority -> authority.substring(ROLE.length())).toList();
    }

    private static boolean isAdmin(final Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Scopes.ADMIN_ROLE));
    }

    /**
     * Whether this caller may see what {@code sender} sent or owns: their own, or anything for an admin; what has
     * no known sender (null), admins only.
     */
    public boolean maySee(final String sender) {
        return admin || subject.equals(sender);
    }

    /** Scopes an idempotency key to this caller, so two callers' keys never meet. */
    public String scope(final String idempotencyKey) {
        return subject + "\n" + idempotencyKey;
    }
}
