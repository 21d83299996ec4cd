package io.reservations.api.errors;

import io.reservations.contract.ErrorCode;
import io.reservations.api.ReservationsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the limit with 413 before anything reads them: declared too large, or counted while read.
 * {@code POST /windows} has its own, larger limit: a window of 10,000 resources is one request.
 */
@Component
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long bodyLimit;
    private final long windowLimit;

    public BodySizeLimitFilter(final ReservationsProperties properties) {
        this.bodyLimit = properties.api().maxBody().toBytes();
        this.windowLimit = Math.max(bodyLimit, properties.api().maxWindowBody().toBytes());
    }

    @Override
    protected void doFilterInternal(final HttpServletRequest request, final HttpServletResponse response,
                                    final FilterChain chain) throws ServletException, IOException {
        final long limit = "POST".equals(request.getMethod()) && "/windows".equals(request.getRequestURI())
                ? windowLimit : bodyLimit;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds " + limit + " bytes");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(final HttpServletRequest request, final long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(final ServletInputStream in, final long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            final int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length) throws IOException {
            final int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(final int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(final ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
