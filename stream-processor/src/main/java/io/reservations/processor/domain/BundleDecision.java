package io.reservations.processor.domain;

import io.reservations.contract.BundleEvent;

/** What a bundle's rules concluded: the state to keep (the same instance when nothing changed) and the outcome. */
public record BundleDecision(BundleState state, Outcome<BundleEvent> outcome) {

    static BundleDecision unchanged(final BundleState state, final Outcome<BundleEvent> outcome) {
        return new BundleDecision(state, outcome);
    }
}
