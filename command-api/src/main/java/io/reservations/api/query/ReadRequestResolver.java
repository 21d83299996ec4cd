package io.reservations.api.query;

import io.reservations.api.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller's {@link ReadRequest} parameter its value from the request in progress. */
public final class ReadRequestResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(final MethodParameter parameter) {
        return parameter.getParameterType() == ReadRequest.class;
    }

    @Override
    public ReadRequest resolveArgument(final MethodParameter parameter, final ModelAndViewContainer container,
                                       final NativeWebRequest request, final WebDataBinderFactory binders) {
        return of(request.getNativeRequest(HttpServletRequest.class));
    }

    /** The header as it came, or the console session's token (a read may come with the cookie instead). */
    private static String authorization(final HttpServletRequest request) {
        final String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null ? header : Caller.currentAuthorization().orElse(null);
    }

    static ReadRequest of(final HttpServletRequest request) {
        final String query = request.getQueryString();
        return new ReadRequest(request.getRequestURI() + (query == null ? "" : "?" + query),
                request.getHeader(EntityReader.ROUTED_HEADER) != null, authorization(request));
    }
}
