package io.reservations.reliability;

import io.reservations.contract.ReservationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * The load's bundles: two new reservations in two windows selected as one bundle (one in ten asking for a type no
 * window has, so that the second item is refused and the first given back; one in three held for a few seconds,
 * then confirmed or left to run out). What each answer makes the client expect of the items; a confirmed bundle's
 * items are then ordinary confirmed reservations, returned to the load.
 */
final class BundleClient {

    private final ApiClient api;
    private final Ledger ledger;
    private final Settlements settlements;

    BundleClient(final ApiClient api, final Ledger ledger, final Settlements settlements) {
        this.api = api;
        this.ledger = ledger;
        this.settlements = settlements;
    }

    /** @return the items now CONFIRMED, for the load to cancel later like its other reservations */
    List<Ledger.Expected> run(final String bundleId, final List<String> windows, final Random random) {
        final List<String> items = new ArrayList<>();
        final StringBuilder body = new StringBuilder("{\"id\":\"" + bundleId + "\",\"items\":[");
        for (int i = 0; i < 2; i++) {
            final String reservationId = bundleId + "-" + i;
            final String windowId = windows.get(random.nextInt(windows.size()));
            final ApiClient.Answer created = settlements.answered(api.post("/reservations", "{\"id\":\"" + reservationId
                    + "\",\"window_id\":\"" + windowId + "\"}", "create-" + reservationId));
            if (created.status() != 201) {
                ledger.violation("create " + reservationId + " answered " + created.status() + " " + created.body());
                return List.of();
            }
            ledger.expect(new Ledger.Expected(reservationId, windowId, ReservationStatus.PENDING, null));
            items.add(reservationId);
            final String type = i == 1 && random.nextInt(10) == 0 ? "lamp" : random.nextBoolean() ? "seat" : "desk";
            body.append(i == 0 ? "" : ",").append("{\"reservation_id\":\"").append(reservationId)
                    .append("\",\"resource_type\":\"").append(type).append("\"}");
        }
        final boolean hold = random.nextInt(3) == 0;
        body.append("]").append(hold ? ",\"hold_for\":\"" + LoadSelection.HOLD + "\"" : "").append("}");
        final ApiClient.Answer answer = settlements.answered(api.post("/bundles", body.toString(), "bundle-" + bundleId));
        if (answer.status() == 409 || answer.status() == 404) {
            return List.of(); // refused as a whole: every item PENDING, as expected already
        }
        final String wanted = hold ? "HELD" : "CONFIRMED";
        if (answer.status() != 201 || !wanted.equals(answer.body().path("status").asString(""))) {
            ledger.violation("bundle " + bundleId + " answered " + answer.status() + " " + answer.body());
            return List.of();
        }
        final List<Ledger.Expected> got = expect(answer.body(), hold ? ReservationStatus.HELD : ReservationStatus.CONFIRMED);
        return hold ? settle(bundleId, got, random.nextBoolean()) : got;
    }

    /** A held bundle confirmed, or left to run out (a confirm too late is answered hold-expired). */
    private List<Ledger.Expected> settle(final String bundleId, final List<Ledger.Expected> held, final boolean confirm) {
        if (confirm) {
            final ApiClient.Answer confirmed = settlements.answered(api.post("/bundles/" + bundleId + "/confirm", "{}",
                    "confirm-" + bundleId));
            if (confirmed.status() == 200 && "CONFIRMED".equals(confirmed.body().path("status").asString(""))) {
                return expect(confirmed.body(), ReservationStatus.CONFIRMED);
            }
            if (confirmed.status() != 409 || !"hold-expired".equals(confirmed.code())) {
                ledger.violation("confirm " + bundleId + " answered " + confirmed.status() + " " + confirmed.body());
                return List.of();
            }
        }
        held.forEach(item -> ledger.expect(new Ledger.Expected(item.reservationId(), item.windowId(),
                ReservationStatus.EXPIRED, null)));
        return List.of();
    }

    private List<Ledger.Expected> expect(final JsonNode bundle, final ReservationStatus status) {
        final List<Ledger.Expected> items = new ArrayList<>();
        for (final JsonNode item : bundle.path("items")) {
            final String reservationId = item.path("reservation_id").asString();
            final Ledger.Expected before = ledger.reservations().get(reservationId);
            final Ledger.Expected expected = new Ledger.Expected(reservationId, before.windowId(), status,
                    item.path("selected_resource").path("id").asString());
            ledger.expect(expected);
            items.add(expected);
        }
        return items;
    }
}
