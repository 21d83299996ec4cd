package io.reservations.processor.domain;

import io.reservations.contract.Bundle;
import io.reservations.contract.BundleStep;
import java.util.List;

/**
 * One move of a bundle its items are applying: the step each was sent, the items that have not acknowledged it
 * yet, the command whose result is published once none is left (null when no client waits: an expiry), and the
 * bundle as that result shows it: as the move left it, whatever moved since (a hold may run out before its items
 * have all acknowledged it).
 */
public record SettleRound(BundleStep step, String resultFor, List<String> waitingFor, Bundle answer) {

    public SettleRound {
        waitingFor = List.copyOf(waitingFor);
    }

    SettleRound settled(final String reservationId) {
        return new SettleRound(step, resultFor, waitingFor.stream().filter(id -> !id.equals(reservationId)).toList(),
                answer);
    }
}
