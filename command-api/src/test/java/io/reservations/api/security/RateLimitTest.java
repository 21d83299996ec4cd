package io.reservations.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final RateLimit limit = new RateLimit(true, 200, 400, 10, 100, Map.of(
            "admin", new RateLimit.Rate(10_000, 20_000), "service", new RateLimit.Rate(5_000, 10_000)));

    @Test
    void shouldGiveACallerWithoutANamedRoleTheDefaultRate() {
        assertThat(limit.rateFor(List.of())).isEqualTo(new RateLimit.Rate(200, 400));
        assertThat(limit.rateFor(List.of("auditor"))).isEqualTo(new RateLimit.Rate(200, 400));
    }

    @Test
    void shouldGiveACallerTheHighestRateOfItsRoles() {
        assertThat(limit.rateFor(List.of("service"))).isEqualTo(new RateLimit.Rate(5_000, 10_000));
        assertThat(limit.rateFor(List.of("service", "admin"))).isEqualTo(new RateLimit.Rate(10_000, 20_000));
    }
}
