package io.reservations.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A read carries its path and query, the caller's token and its routed mark to the instance that owns it. */
class ReadRequestResolverTest {

    @Test
    void shouldTakeThePathWithItsQueryAndTheCallersAuthorization() {
        final MockHttpServletRequest http = new MockHttpServletRequest("GET", "/reservations");
        http.setQueryString("status=HELD&limit=5");
        http.addHeader("Authorization", "Bearer t0k3n");

        final ReadRequest request = ReadRequestResolver.of(http);

        assertThat(request).isEqualTo(new ReadRequest("/reservations?status=HELD&limit=5", false, "Bearer t0k3n"));
    }

    @Test
    void shouldKnowARequestAlreadyRoutedOnceAndOneWithoutToken() {
        final MockHttpServletRequest http = new MockHttpServletRequest("GET", "/windows/w-1");
        http.addHeader(EntityReader.ROUTED_HEADER, "true");

        final ReadRequest request = ReadRequestResolver.of(http);

        assertThat(request).isEqualTo(new ReadRequest("/windows/w-1", true, null));
    }
}
