package io.reservations.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.errors.ApiException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Page tokens carry a position for one query of one caller; sizes stay within the contract's bounds. */
class PageTokensTest {

    private static final String SCOPE = "reservations\nalice\nalice\nw-1\nHELD";

    @Test
    void shouldGiveBackThePositionATokenWasIssuedFor() {
        assertThat(PageTokens.position(SCOPE, PageTokens.issue(SCOPE, "r-042"))).isEqualTo("r-042");
        assertThat(PageTokens.position(SCOPE, PageTokens.issue(SCOPE, "3/r.with.dots"))).isEqualTo("3/r.with.dots");
        assertThat(PageTokens.position(SCOPE, PageTokens.issue(SCOPE, 500), 0)).isEqualTo(500);
        assertThat(PageTokens.position(SCOPE, null)).isNull();
        assertThat(PageTokens.position(SCOPE, null, 7)).isEqualTo(7);
    }

    @Test
    void shouldRefuseATokenOfAnotherQueryAnotherCallerOrEditedOnItsWay() {
        final String token = PageTokens.issue(SCOPE, "r-042");
        final String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(token)).replace("r-042", "r-043").getBytes());

        for (final Runnable misuse : new Runnable[] {
                () -> PageTokens.position(SCOPE.replace("HELD", "PENDING"), token),
                () -> PageTokens.position(SCOPE.replace("alice\nalice", "bob\nbob"), token),
                () -> PageTokens.position(SCOPE, edited),
                () -> PageTokens.position(SCOPE, "not base64 !"),
                () -> PageTokens.position(SCOPE, PageTokens.issue(SCOPE, "r-042"), 0),
                () -> PageTokens.position(SCOPE, PageTokens.issue(SCOPE, -5), 0)}) {
            assertThatThrownBy(misuse::run).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }

    @Test
    void shouldTakeLimitsFromOneTo500AndDefaultTo100() {
        assertThat(PageTokens.limit(null)).isEqualTo(100);
        assertThat(PageTokens.limit(1)).isEqualTo(1);
        assertThat(PageTokens.limit(500)).isEqualTo(500);
        assertThatThrownBy(() -> PageTokens.limit(0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageTokens.limit(501)).isInstanceOf(ApiException.class);
    }
}
