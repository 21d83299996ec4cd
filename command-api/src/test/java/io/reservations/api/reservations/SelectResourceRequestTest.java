package io.reservations.api.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.topics.Json;
import org.junit.jupiter.api.Test;

/** The select's body: its bounds, and the form its digest is taken from (the Idempotency-Key's request match). */
class SelectResourceRequestTest {

    @Test
    void shouldDigestARequestWithoutTheWaitlistAsTheVersionBeforeIt() {
        // what the version before the waitlist wrote for these requests (the record had two members)
        assertThat(Json.mapper().writeValueAsString(new SelectResourceRequest("seat")))
                .isEqualTo("{\"resource_type\":\"seat\",\"hold_for\":null}");
        assertThat(Json.mapper().writeValueAsString(new SelectResourceRequest("seat", "PT10M", false, null)))
                .as("waitlist false is no waitlist").isEqualTo("{\"resource_type\":\"seat\",\"hold_for\":\"PT10M\"}");
        assertThat(Json.mapper().writeValueAsString(new SelectResourceRequest("seat", null, true, "P2D")))
                .isEqualTo("{\"resource_type\":\"seat\",\"hold_for\":null,\"waitlist\":true,\"waitlist_for\":\"P2D\"}");
    }

    @Test
    void shouldRefuseAWaitOutOfBoundsOrWithoutTheWaitlist() {
        assertThatThrownBy(() -> new SelectResourceRequest("seat", null, true, "PT59S")).hasMessageContaining("waitlist_for");
        assertThatThrownBy(() -> new SelectResourceRequest("seat", null, true, "P30DT1S")).hasMessageContaining("waitlist_for");
        assertThatThrownBy(() -> new SelectResourceRequest("seat", null, null, "P1D")).hasMessageContaining("waitlist");
        assertThat(new SelectResourceRequest("seat", null, true, "PT1M").waitsInLine()).isTrue();
        assertThat(new SelectResourceRequest("seat", null, true, "P30D").waitsInLine()).isTrue();
    }
}
