package io.reservations.api.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.support.MovableClock;
import io.reservations.topics.OwnerUsage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Admissions against the published counts and what this instance admitted that they do not show yet. */
class OwnerUsagesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final OwnerUsages usages = new OwnerUsages(clock);

    @Test
    void shouldAdmitABurstOnlyUpToTheLimit() {
        usages.published("alice", new OwnerUsage(1, 0, 0));

        assertThat(usages.admit("alice", Quota.OPEN_RESERVATIONS, 3)).isTrue();
        assertThat(usages.admit("alice", Quota.OPEN_RESERVATIONS, 3)).isTrue();
        assertThat(usages.admit("alice", Quota.OPEN_RESERVATIONS, 3)).isFalse();
        assertThat(usages.admit("bob", Quota.OPEN_RESERVATIONS, 3)).as("another owner").isTrue();
    }

    @Test
    void shouldCountAnAdmittedCommandOnceWhenItsEffectIsPublished() {
        assertThat(usages.admit("alice", Quota.ACTIVE_HOLDS, 2)).isTrue();
        assertThat(usages.admit("alice", Quota.ACTIVE_HOLDS, 2)).isTrue();

        usages.published("alice", new OwnerUsage(1, 1, 0)); // the first hold took effect, the second not yet
        assertThat(usages.admit("alice", Quota.ACTIVE_HOLDS, 2)).isFalse();

        usages.published("alice", new OwnerUsage(0, 0, 0)); // one released (the second hold still pending)
        assertThat(usages.admit("alice", Quota.ACTIVE_HOLDS, 2)).isTrue();
        assertThat(usages.admit("alice", Quota.ACTIVE_HOLDS, 2)).isFalse();
    }

    @Test
    void shouldForgetAnAdmittedCommandItsCountsNeverShow() {
        assertThat(usages.admit("alice", Quota.WINDOWS, 1)).isTrue();
        assertThat(usages.admit("alice", Quota.WINDOWS, 1)).isFalse();

        clock.advance(OwnerUsages.PENDING_FOR.plus(Duration.ofMillis(1))); // rejected by its master, say
        assertThat(usages.admit("alice", Quota.WINDOWS, 1)).isTrue();
    }
}
