package io.reservations.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the token's subject (never blank: tokens without one are refused) and whether it is an admin.
 * With authentication turned off every caller is the admin {@value #ANONYMOUS}.
 */
public record Caller(String subject, boolean admin) {

    public static final String ANONYMOUS = "anonymous";

    public Caller {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a caller has a subject");
        }
    }

    public static Caller current() {
        final Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return new Caller(ANONYMOUS, true);
        }
        final boolean admin = jwt.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Scopes.ADMIN_ROLE));
        return new Caller(jwt.getToken().getSubject(), admin);
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
