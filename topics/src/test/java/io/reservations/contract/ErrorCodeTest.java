package io.reservations.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The contract's error codes: spelled as slugs, found by their slug, each with an HTTP error status. */
class ErrorCodeTest {

    @Test
    void shouldSpellEveryCodeAsAUniqueSlugThatFindsItAgain() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::slug)).doesNotHaveDuplicates()
                .allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
        for (final ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorCode.of(code.slug())).contains(code);
            assertThat(code.httpStatus()).as(code.slug()).isBetween(400, 599);
            assertThat(code.description()).as(code.slug()).isNotBlank();
        }
        assertThat(ErrorCode.of("no-such-code")).isEmpty();
        assertThat(ErrorCode.of(null)).isEmpty();
    }

    @Test
    void shouldAnswerAMissingReservationWith404AndOtherRejectionsWith409() {
        assertThat(ErrorCode.RESERVATION_NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.INVALID.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.NO_RESOURCE_AVAILABLE.httpStatus()).isEqualTo(409);
        assertThat(ErrorCode.WINDOW_NOT_FOUND.httpStatus()).as("a select's window is gone").isEqualTo(409);
        assertThat(ErrorCode.SELECTION_TIMEOUT.httpStatus()).isEqualTo(409);
    }

    @Test
    void shouldNameAnErrorKnownOnlyByItsStatus() {
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.INVALID);
        assertThat(ErrorCode.forStatus(502)).isEqualTo(ErrorCode.INTERNAL);
    }
}
