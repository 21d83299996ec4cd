package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.HoldConfirmed;
import io.reservations.contract.HoldExpired;
import io.reservations.contract.ReservationEvent;
import io.reservations.contract.ReservationStatus;
import io.reservations.contract.ResourceHeld;
import io.reservations.contract.ResourceReleased;
import io.reservations.contract.WindowEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The promises of holds, checked on the event topics as a downstream consumer reads them: a hold expires at most
 * once and never before its due time; its resource is released no sooner, unless its reservation was cancelled;
 * (that no EXPIRED reservation holds a resource is the auditor's check: {@link SagaInvariants#assertAllocationsConsistent}).
 */
public final class HoldInvariants {

    private HoldInvariants() {
    }

    /** Asserts every promise; returns how many holds were made, confirmed and expired. */
    public static Map<String, Object> assertHoldsKept(final SagaInvariants folded) {
        final Map<String, ResourceHeld> lastHold = new HashMap<>();
        final Map<String, Integer> expiries = new HashMap<>();
        int holds = 0;
        int confirmed = 0;
        for (final ReservationEvent event : folded.reservationEvents) {
            if (event instanceof ResourceHeld held) {
                lastHold.put(held.reservationId(), held);
                holds++;
            } else if (event instanceof HoldConfirmed) {
                confirmed++;
            } else if (event instanceof HoldExpired expired) {
                final ResourceHeld hold = lastHold.get(expired.reservationId());
                assertThat(hold).as("the hold %s ended", expired).isNotNull();
                assertThat(expired.resourceId()).isEqualTo(hold.resourceId());
                assertThat(expired.occurredAt()).as("expiry of %s's hold", expired.reservationId())
                        .isAfterOrEqualTo(hold.holdExpiresAt());
                expiries.merge(expired.reservationId(), 1, Integer::sum);
            }
        }
        assertThat(expiries.entrySet()).as("holds expired twice").allSatisfy(entry -> assertThat(entry.getValue()).isOne());
        for (final WindowEvent event : folded.windowEvents) {
            if (event instanceof ResourceReleased released && lastHold.containsKey(released.reservationId())) {
                final ResourceHeld hold = lastHold.get(released.reservationId());
                final boolean whileHeld = released.resourceId().equals(hold.resourceId())
                        && !released.occurredAt().isBefore(hold.occurredAt())
                        && released.occurredAt().isBefore(hold.holdExpiresAt());
                if (whileHeld) {
                    assertThat(folded.reservations.get(released.reservationId()).status())
                            .as("%s released before its hold's due time %s", released, hold.holdExpiresAt())
                            .isEqualTo(ReservationStatus.CANCELLED);
                }
            }
        }
        final Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("holds made", holds);
        figures.put("holds confirmed", confirmed);
        figures.put("holds expired (each once, none early)", expiries.size());
        return figures;
    }
}
