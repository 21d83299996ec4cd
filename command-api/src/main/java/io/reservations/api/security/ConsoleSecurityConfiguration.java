package io.reservations.api.security;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.Problems;
import io.reservations.contract.ErrorCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /console}: an operator's pages, for admins. A browser signs in once with a token ({@code POST
 * /console/sign-in}) and carries it in the session cookie from then on (ConsoleSession), never a header; every
 * console action but the sign-in is CSRF-protected (the token in the {@code XSRF-TOKEN} cookie, sent back in an
 * {@code X-XSRF-TOKEN} header). A browser without a session is sent to sign in; other clients get 401.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/console/sign-in";
    private static final String ADMIN = "ROLE_" + Scopes.ADMIN_ROLE;

    @Bean
    @Order(1)
    SecurityFilterChain console(final HttpSecurity http, final ReservationsProperties properties,
                                final RefusedAuthentications refusals, final JwtDecoder tokens) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(SIGN_IN));
        if (!properties.security().enabled()) {
            return http.anonymous(anonymous -> anonymous.principal(Caller.ANONYMOUS).authorities(ADMIN))
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        final AuthenticationEntryPoint signIn = signInFirst(SecurityConfiguration.unauthenticated(refusals));
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, SIGN_IN, "/console/assets/**").permitAll()
                        .requestMatchers(HttpMethod.POST, SIGN_IN).permitAll()
                        .anyRequest().hasAuthority(ADMIN))
                // not oauth2ResourceServer(): it exempts every request that carries its token from CSRF checks,
                // and here the token comes in a cookie, which a browser sends whoever made the request
                .addFilterAfter(sessions(tokens, signIn), CsrfFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response,
                                ErrorCode.FORBIDDEN, "The console is for admins, with a CSRF token for its actions")))
                .build();
    }

    /** Authenticates the session cookie's token as the API does a bearer token (same decoder, same authorities). */
    private static BearerTokenAuthenticationFilter sessions(final JwtDecoder tokens,
                                                            final AuthenticationEntryPoint signIn) {
        final JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(tokens);
        jwt.setJwtAuthenticationConverter(SecurityConfiguration.authorities());
        final BearerTokenAuthenticationFilter filter = new BearerTokenAuthenticationFilter(new ProviderManager(jwt));
        filter.setBearerTokenResolver(ConsoleSession::token);
        filter.setAuthenticationEntryPoint(signIn);
        return filter;
    }

    /** A browser (it accepts text/html) to the sign-in page; any other client the API's 401. */
    private static AuthenticationEntryPoint signInFirst(final AuthenticationEntryPoint otherwise) {
        return (request, response, failure) -> {
            final String accept = request.getHeader("Accept");
            if (HttpMethod.GET.matches(request.getMethod()) && accept != null
                    && accept.contains(MediaType.TEXT_HTML_VALUE)) {
                response.sendRedirect(SIGN_IN);
            } else {
                otherwise.commence(request, response, failure);
            }
        };
    }
}
