package io.reservations.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where the REST API finds a request's token: the {@code Authorization} header, or for a read ({@code GET}) that
 * has none, the console's session cookie, so that the console's page and its change streams ({@code EventSource}
 * sends no headers) read as the operator who signed in. A write never takes the cookie: no request forged by
 * another site can change anything.
 */
final class ApiTokens implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(final HttpServletRequest request) {
        final String token = header.resolve(request);
        if (token != null || !HttpMethod.GET.matches(request.getMethod())) {
            return token;
        }
        return ConsoleSession.token(request);
    }
}
