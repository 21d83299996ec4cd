package io.reservations.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleRejected;
import io.reservations.contract.BundleStarted;
import io.reservations.contract.ReservationCancelled;
import io.reservations.contract.ReservationCreated;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.ResourceSelected;
import io.reservations.contract.ResourceSpec;
import io.reservations.contract.SelectionStarted;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WindowCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration SELECTION_TIMEOUT = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final Audit audit = new Audit(GRACE, SELECTION_TIMEOUT);

    @Test
    void shouldReportAResourceGivenToASecondReservationAtOnceWithBothRecords() {
        window("w", "s1");
        assertThat(audit.window(new ResourceAllocated("c1", T0, "w", "s1", "seat", "r1"), "window.events-0@1")).isEmpty();

        final List<Violation> found = audit.window(new ResourceAllocated("c2", at(1), "w", "s1", "seat", "r2"),
                "window.events-0@2");

        assertThat(found).singleElement().satisfies(violation -> {
            assertThat(violation.invariant()).isEqualTo(Invariant.RESOURCE_HELD_TWICE);
            assertThat(violation.entityIds()).containsExactly("w/s1", "r1", "r2");
            assertThat(violation.records()).containsExactly("window.events-0@1", "window.events-0@2");
            assertThat(violation.logLine()).contains("invariant=resource-held-twice", "r1", "r2", "window.events-0@2");
        });
    }

    @Test
    void shouldReportNothingForAHealthySagaAtAnyTime() {
        window("w", "s1");
        confirmed("r1", "w", "s1");

        assertThat(audit.due(at(3600))).isEmpty();
        assertThat(audit.suspect()).isZero();
    }

    @Test
    void shouldAllowAReleaseInFlightForTheGrace() {
        window("w", "s1");
        confirmed("r1", "w", "s1");
        audit.reservation(new ReservationCancelled("c2", at(5), "r1", "w", "s1"), "reservation.events-1@4");
        assertThat(audit.suspect()).isOne();

        audit.window(new ResourceReleased("c2", at(6), "w", "s1", "seat", "r1"), "window.events-0@2");

        assertThat(audit.due(at(3600))).isEmpty();
    }

    @Test
    void shouldReportACancelledReservationThatStillHoldsOncePastTheGrace() {
        window("w", "s1");
        confirmed("r1", "w", "s1");
        audit.reservation(new ReservationCancelled("c2", at(5), "r1", "w", "s1"), "reservation.events-1@4");

        assertThat(audit.due(at(34))).isEmpty();
        assertThat(audit.due(at(35))).singleElement().satisfies(violation -> {
            assertThat(violation.invariant()).isEqualTo(Invariant.INACTIVE_HOLDS);
            assertThat(violation.entityIds()).containsExactly("r1", "w/s1");
            assertThat(violation.records()).containsExactly("reservation.events-1@4", "window.events-0@1");
        });
        assertThat(audit.due(at(3600))).as("each episode once").isEmpty();
    }

    @Test
    void shouldReportAConfirmedReservationItsWindowDoesNotAgreeWith() {
        window("w", "s1", "s2");
        audit.reservation(new ReservationCreated("c1", T0, "r1", "w"), "reservation.events-1@1");
        audit.reservation(new ResourceSelected("c1", at(1), "r1", "w", "s2", "seat"), "reservation.events-1@2");
        audit.window(new ResourceAllocated("c1", at(1), "w", "s1", "seat", "r1"), "window.events-0@1");

        assertThat(audit.due(at(40))).extracting(Violation::invariant).containsExactly(Invariant.HOLDER_MISMATCH);
    }

    @Test
    void shouldReportASelectionOpenPastItsDeadlineAndTheGrace() {
        window("w", "s1");
        audit.reservation(new ReservationCreated("c1", T0, "r1", "w"), "reservation.events-1@1");
        audit.reservation(new SelectionStarted("c1", T0, "r1", "w", "seat", null, null, null),
                "reservation.events-1@2");

        assertThat(audit.due(at(39))).isEmpty();
        assertThat(audit.due(at(40))).singleElement().satisfies(violation -> {
            assertThat(violation.invariant()).isEqualTo(Invariant.SAGA_PAST_DEADLINE);
            assertThat(violation.since()).isEqualTo(at(10));
        });
    }

    @Test
    void shouldReportAFreeResourceWhileItsLineWaitsUnlessThePromotionFollows() {
        window("w", "s1", "s2");
        confirmed("r1", "w", "s1");
        confirmed("r2", "w", "s2");
        audit.window(new WaitlistJoined("c3", at(2), "w", "seat", "r3", 1), "window.events-0@5");
        audit.window(new WaitlistJoined("c4", at(2), "w", "seat", "r4", 2), "window.events-0@6");
        audit.window(new ResourceReleased("c5", at(3), "w", "s1", "seat", "r1"), "window.events-0@7");
        audit.window(new ResourceAllocated("c5", at(3), "w", "s1", "seat", "r3", true), "window.events-0@8");
        audit.window(new ResourceReleased("c6", at(4), "w", "s2", "seat", "r2"), "window.events-0@9");

        assertThat(audit.due(at(60))).filteredOn(violation -> violation.invariant() == Invariant.FREE_WHILE_WAITING)
                .singleElement().satisfies(violation -> {
                    assertThat(violation.entityIds()).containsExactly("w", "seat", "r4");
                    assertThat(violation.records()).containsExactly("window.events-0@9");
                });
    }

    @Test
    void shouldReportARejectedBundleWhoseItemStillHolds() {
        window("w", "s1", "s2");
        audit.bundle(new BundleStarted("b1", T0, "b", "alice",
                List.of(new BundleItem("r1", "seat"), new BundleItem("r2", "seat")), null), "bundle.events-2@1");
        audit.window(new ResourceAllocated("b1", at(1), "w", "s1", "seat", "r1"), "window.events-0@1");
        audit.bundle(new BundleRejected("b1", at(2), "b", "resource-unavailable", "r2"), "bundle.events-2@2");

        assertThat(audit.due(at(60))).filteredOn(violation -> violation.invariant() == Invariant.BUNDLE_ALL_OR_NONE)
                .singleElement().satisfies(violation -> assertThat(violation.entityIds()).containsExactly("b", "r1"));
    }

    private void window(final String id, final String... resources) {
        audit.window(new WindowCreated("c0", T0, id, List.of(resources).stream()
                .map(resource -> new ResourceSpec(resource, "seat")).toList()), "window.events-0@0");
    }

    private void confirmed(final String id, final String windowId, final String resource) {
        audit.reservation(new ReservationCreated("c-" + id, T0, id, windowId), "reservation.events-1@1");
        audit.reservation(new SelectionStarted("s-" + id, T0, id, windowId, "seat", null, null, null),
                "reservation.events-1@2");
        audit.window(new ResourceAllocated("s-" + id, at(1), windowId, resource, "seat", id), "window.events-0@1");
        audit.reservation(new ResourceSelected("s-" + id, at(1), id, windowId, resource, "seat"),
                "reservation.events-1@3");
    }

    private static Instant at(final int seconds) {
        return T0.plusSeconds(seconds);
    }
}
