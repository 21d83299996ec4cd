package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceAllocated;
import io.reservations.contract.WaitlistJoined;
import io.reservations.contract.WaitlistLeft;
import io.reservations.contract.WindowEvent;
import io.reservations.processor.domain.ReservationState;
import io.reservations.processor.domain.WaitingSelection;
import io.reservations.processor.domain.WindowState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The waitlist's promises, checked on the folded event topics of a quiet system: promotions in join order per
 * (window, type) (each one to the head of its line as the window's events tell the line); a reservation
 * WAITLISTED exactly while it is in its window's line. (No resource of a type free while its line waits is the
 * auditor's check: {@link SagaInvariants#assertAllocationsConsistent}.)
 */
public final class WaitlistInvariants {

    private WaitlistInvariants() {
    }

    /** Asserts every promise; returns how many joined, were promoted and left, and how many still wait. */
    public static Map<String, Object> assertLinesKept(final SagaInvariants folded) {
        final Map<String, Deque<String>> lines = new HashMap<>();
        int joined = 0;
        int promoted = 0;
        int left = 0;
        for (final WindowEvent event : folded.windowEvents) {
            if (event instanceof WaitlistJoined join) {
                lines.computeIfAbsent(join.windowId() + "/" + join.resourceType(), line -> new ArrayDeque<>())
                        .addLast(join.reservationId());
                joined++;
            } else if (event instanceof WaitlistLeft leave) {
                assertThat(line(lines, leave.windowId(), leave.resourceType()).remove(leave.reservationId()))
                        .as("%s was in the line it left", leave).isTrue();
                left++;
            } else if (event instanceof ResourceAllocated allocated && Boolean.TRUE.equals(allocated.fromWaitlist())) {
                assertThat(line(lines, allocated.windowId(), allocated.resourceType()).pollFirst())
                        .as("the head of the line when %s", allocated).isEqualTo(allocated.reservationId());
                promoted++;
            }
        }
        int waiting = 0;
        for (final WindowState window : folded.windows.values()) {
            for (final WaitingSelection inLine : window.line()) {
                final ReservationState reservation = folded.reservations.get(inLine.reservationId());
                assertThat(reservation.status()).as("status of %s, in the line of %s", reservation.id(), window.id())
                        .isEqualTo(ReservationStatus.WAITLISTED);
                waiting++;
            }
        }
        for (final ReservationState reservation : folded.reservations.values()) {
            if (reservation.status() == ReservationStatus.WAITLISTED) {
                assertThat(folded.windows.get(reservation.windowId()).inLine(reservation.id()))
                        .as("%s WAITLISTED in its window's line", reservation.id()).isPresent();
            }
        }
        final Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("waitlist joins", joined);
        figures.put("promotions from a line (each to its head)", promoted);
        figures.put("left a line (cancel, wait run out)", left);
        figures.put("still waiting, with no resource of their type free", waiting);
        return figures;
    }

    private static Deque<String> line(final Map<String, Deque<String>> lines, final String windowId, final String type) {
        return lines.computeIfAbsent(windowId + "/" + type, line -> new ArrayDeque<>());
    }
}
