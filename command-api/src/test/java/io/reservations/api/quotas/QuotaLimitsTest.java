package io.reservations.api.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limit of a caller: the defaults, or the largest of its roles', none if any role has none. */
class QuotaLimitsTest {

    private final QuotaLimits limits = new QuotaLimits(true, 10, 2, 1, 3, Map.of(
            "service", new QuotaLimits.Limits(1000, 100, 10, 50L),
            "admin", new QuotaLimits.Limits(-1, -1, -1, -1L),
            "planner", new QuotaLimits.Limits(20, 2, 5, null)));

    @Test
    void shouldTakeTheDefaultsForACallerWithNoRoleOfItsOwn() {
        assertThat(limits.limitOf(Quota.OPEN_RESERVATIONS, List.of())).isEqualTo(10);
        assertThat(limits.limitOf(Quota.ACTIVE_HOLDS, List.of("reader"))).isEqualTo(2);
    }

    @Test
    void shouldTakeTheLargestLimitOfTheCallersRoles() {
        assertThat(limits.limitOf(Quota.WINDOWS, List.of("service"))).isEqualTo(10);
        assertThat(limits.limitOf(Quota.WINDOWS, List.of("service", "admin"))).as("none").isNegative();
        assertThat(limits.limitOf(Quota.WAITLIST_PLACES, List.of("service"))).isEqualTo(50);
    }

    @Test
    void shouldTakeTheDefaultForALimitARoleDoesNotName() {
        assertThat(limits.limitOf(Quota.WAITLIST_PLACES, List.of("planner"))).as("written before waitlists").isEqualTo(3);
        assertThat(limits.limitOf(Quota.WAITLIST_PLACES, List.of())).isEqualTo(3);
    }
}
