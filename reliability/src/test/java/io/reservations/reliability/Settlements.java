package io.reservations.reliability;

import io.reservations.contract.ReservationStatus;
import java.util.Random;

/**
 * What a load client does after a select's answer, and what each answer makes it expect: a hold confirmed, cancelled
 * or left to run out; a reservation cancelled; one waiting in line cancelled or left to its window.
 */
final class Settlements {

    private final ApiClient api;
    private final Ledger ledger;

    Settlements(final ApiClient api, final Ledger ledger) {
        this.api = api;
        this.ledger = ledger;
    }

    /**
     * One waiting in line is cancelled at once (one in three: it leaves the line, or gives back what a promotion just
     * gave it; a hold from a promotion may even have run out first: {@code hold-expired}), or left to the window.
     */
    void waiting(final String reservationId, final String windowId, final Random random) {
        if (random.nextInt(3) > 0) {
            ledger.unsettled(reservationId);
            return;
        }
        final ApiClient.Answer cancelled = answered(api.post("/reservations/" + reservationId + "/cancel", "{}",
                "cancel-" + reservationId));
        final boolean ranOut = cancelled.status() == 409 && "hold-expired".equals(cancelled.code());
        final boolean done = cancelled.status() == 200 && "CANCELLED".equals(cancelled.body().path("status").asString(""));
        if (!ranOut && !done) {
            ledger.violation("cancel " + reservationId + " answered " + cancelled.status() + " " + cancelled.body());
            return;
        }
        ledger.expect(new Ledger.Expected(reservationId, windowId,
                ranOut ? ReservationStatus.EXPIRED : ReservationStatus.CANCELLED, null));
    }

    /**
     * A hold is left to run out (0), confirmed (1) or cancelled (2); a confirm or cancel may come too late, and then
     * {@code hold-expired} is the right answer. Returns the confirmed reservation, or null.
     */
    Ledger.Expected settle(final Ledger.Expected held, final int choice) {
        final String reservationId = held.reservationId();
        final Ledger.Expected expired = new Ledger.Expected(reservationId, held.windowId(), ReservationStatus.EXPIRED,
                null);
        if (choice == 0) {
            ledger.expect(expired);
            return null;
        }
        final String action = choice == 1 ? "confirm" : "cancel";
        final ApiClient.Answer answer = answered(api.post("/reservations/" + reservationId + "/" + action, "{}",
                action + "-" + reservationId));
        if (answer.status() == 409 && "hold-expired".equals(answer.code())) {
            ledger.expect(expired);
            return null;
        }
        final ReservationStatus wanted = choice == 1 ? ReservationStatus.CONFIRMED : ReservationStatus.CANCELLED;
        if (answer.status() != 200 || !wanted.name().equals(answer.body().path("status").asString(""))) {
            ledger.violation(action + " " + reservationId + " answered " + answer.status() + " " + answer.body());
            return null;
        }
        final Ledger.Expected settled = new Ledger.Expected(reservationId, held.windowId(), wanted,
                choice == 1 ? held.resourceId() : null);
        ledger.expect(settled);
        return choice == 1 ? settled : null;
    }

    void cancel(final Ledger.Expected confirmed) {
        final String reservationId = confirmed.reservationId();
        final ApiClient.Answer cancelled = answered(api.post("/reservations/" + reservationId + "/cancel", "{}",
                "cancel-" + reservationId));
        if (cancelled.status() != 200 || !"CANCELLED".equals(cancelled.body().path("status").asString(""))) {
            ledger.violation("cancel " + reservationId + " answered " + cancelled.status() + " " + cancelled.body());
            return;
        }
        ledger.expect(new Ledger.Expected(reservationId, confirmed.windowId(), ReservationStatus.CANCELLED, null));
    }

    ApiClient.Answer answered(final ApiClient.Answer answer) {
        ledger.answered(answer);
        return answer;
    }
}
