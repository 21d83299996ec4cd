package io.reservations.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.ReservationsProperties.Security;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecurityPropertiesTest {

    private static final Duration TTL = Duration.ofHours(8);

    @Test
    void shouldRefuseAnExternalIdentityProviderWithoutIssuerAndAudience() {
        assertThatThrownBy(() -> new Security(true, "", "", "https://idp.example/jwks", "", null, TTL))
                .hasMessageContaining("reservations.security.issuer and reservations.security.audience");
        assertThatThrownBy(() -> new Security(true, "https://idp.example", "", "", "/keys/idp.pem", null, TTL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Security(true, "", "reservations", "https://idp.example/jwks", "", null, TTL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptAnExternalProviderWithBothAndTheLocalKeyWithNeither() {
        assertThat(new Security(true, "https://idp.example", "reservations", "https://idp.example/jwks", "", null, TTL)
                .localKey()).isFalse();
        assertThat(new Security(true, "", "", "", "", null, TTL).localKey()).isTrue();
    }
}
