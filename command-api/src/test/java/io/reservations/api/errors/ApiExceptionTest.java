package io.reservations.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void shouldFindTheApiExceptionAFutureFailedWith() {
        final ApiException unavailable = ApiException.unavailable("down");

        assertThat(ApiException.causeOf(unavailable)).contains(unavailable);
        assertThat(ApiException.causeOf(new CompletionException(unavailable))).contains(unavailable);
    }

    @Test
    void shouldFindNothingInAnyOtherFailure() {
        assertThat(ApiException.causeOf(new IllegalStateException("boom"))).isEmpty();
        assertThat(ApiException.causeOf(new CompletionException(new IllegalStateException("boom")))).isEmpty();
    }
}
