package io.reservations.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.security.Caller;
import io.reservations.api.quotas.QuotaLimits;
import io.reservations.api.security.RateLimit;
import io.reservations.api.security.Scopes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;

/** The Idempotency-Key, Prefer and wait_ms of every command POST, read in one place. */
class CommandRequestResolverTest {

    private final CommandRequestResolver resolver = new CommandRequestResolver(new ReservationsProperties.Api(true,
            Duration.ofSeconds(10), Duration.ofSeconds(60), DataSize.ofKilobytes(64), DataSize.ofMegabytes(1), 100,
            DataSize.ofMegabytes(1), "", new RateLimit(true, 200, 400, 10, 100, null),
            new QuotaLimits(true, 1000, 100, 100, 100, null)));

    @AfterEach
    void clearCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldWaitTheDefaultWithoutWaitMsAndNotAtAllWhenAskedToRespondAsync() {
        assertThat(resolver.waitFor(null, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(resolver.waitFor("2500", null)).isEqualTo(Duration.ofMillis(2500));
        assertThat(resolver.waitFor("2500", "respond-async, wait=5")).isZero();
        assertThat(resolver.waitFor(null, "Respond-Async")).isZero();
    }

    @Test
    void shouldRefuseAWaitOutsideZeroToTheMaximumOrNotANumber() {
        assertThat(resolver.waitFor("0", null)).isZero();
        assertThat(resolver.waitFor("60000", null)).isEqualTo(Duration.ofSeconds(60));
        for (final String invalid : List.of("-1", "60001", "ten", "1.5", "")) {
            assertThatThrownBy(() -> resolver.waitFor(invalid, null)).as(invalid)
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }

    @Test
    void shouldDeriveTheCommandIdFromTheCallersIdempotencyKey() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", Caller.ANONYMOUS,
                List.of(new SimpleGrantedAuthority("ROLE_" + Scopes.ADMIN_ROLE))));
        final MockHttpServletRequest http = new MockHttpServletRequest("POST", "/reservations");
        http.addHeader("Idempotency-Key", "order-17");
        http.setParameter("wait_ms", "750");

        final CommandRequest request = resolver.resolveArgument(null, null, new ServletWebRequest(http), null);

        assertThat(request.caller()).isEqualTo(new Caller(Caller.ANONYMOUS, true));
        assertThat(request.idempotencyKey()).isEqualTo("order-17");
        assertThat(request.commandId()).isEqualTo(CommandIds.commandId("order-17", request.caller()));
        assertThat(request.resultWait()).isEqualTo(Duration.ofMillis(750));
    }
}
