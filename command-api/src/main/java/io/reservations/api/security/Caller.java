package io.reservations.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the token's subject, and whether it is an admin. Without authentication (turned off) every
 * caller is treated as an admin with no subject.
 */
public record Caller(String subject, boolean admin) {

    public static Caller current() {
        final Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return new Caller(null, true);
        }
        final boolean admin = jwt.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Scopes.ADMIN_ROLE));
        return new Caller(jwt.getToken().getSubject(), admin);
    }

    /** The subject whose ownership the processor checks; null when none is to be checked. */
    public String ownershipChecked() {
        return admin ? null : subject;
    }

    /** Scopes an idempotency key to this caller, so two callers' keys never meet. */
    public String scope(final String idempotencyKey) {
        return subject == null ? idempotencyKey : subject + "\n" + idempotencyKey;
    }
}
