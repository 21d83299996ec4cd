package io.reservations.api.commands;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.security.Caller;
import java.time.Duration;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller's {@link CommandRequest} parameter its value: the caller, the {@code Idempotency-Key} header,
 * and the wait from {@code Prefer: respond-async} (none) or {@code ?wait_ms=} (0 to the configured maximum; the
 * configured default without either).
 */
public final class CommandRequestResolver implements HandlerMethodArgumentResolver {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String PREFER = "Prefer";
    public static final String WAIT_MS = "wait_ms";

    private final ReservationsProperties.Api settings;

    public CommandRequestResolver(final ReservationsProperties.Api settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsParameter(final MethodParameter parameter) {
        return parameter.getParameterType() == CommandRequest.class;
    }

    @Override
    public CommandRequest resolveArgument(final MethodParameter parameter, final ModelAndViewContainer container,
                                          final NativeWebRequest request, final WebDataBinderFactory binders) {
        final String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY);
        final Caller caller = Caller.current();
        return new CommandRequest(caller, idempotencyKey, CommandIds.commandId(idempotencyKey, caller),
                waitFor(request.getParameter(WAIT_MS), request.getHeader(PREFER)), request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    Duration waitFor(final String waitMs, final String prefer) {
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            return Duration.ZERO;
        }
        if (waitMs == null) {
            return settings.defaultWait();
        }
        final long millis;
        try {
            millis = Long.parseLong(waitMs.trim());
        } catch (final NumberFormatException e) {
            throw outOfRange();
        }
        if (millis < 0 || millis > settings.maxWait().toMillis()) {
            throw outOfRange();
        }
        return Duration.ofMillis(millis);
    }

    private ApiException outOfRange() {
        return ApiException.invalid("wait_ms must be a whole number of milliseconds between 0 and "
                + settings.maxWait().toMillis());
    }
}
