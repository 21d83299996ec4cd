package io.reservations.reliability;

import io.reservations.contract.ReservationStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady stream of create, select-resource (some with a short hold, some waiting in a small window's line), confirm
 * and cancel commands, and bundles of two ({@link BundleClient}), from several client threads. Each client walks its own reservations through their lives one
 * command at a time, so the final state each one must reach follows from the answers it got; a reservation left
 * waiting in a line ends as the window decides, which the verifier's invariants check instead.
 */
final class CommandLoad implements AutoCloseable {

    private static final int HELD_PER_CLIENT = 6;

    private final ApiClient api;
    private final List<String> windowIds;
    private final String queueWindowId;
    private final Ledger ledger;
    private final Settlements settlements;
    private final BundleClient bundles;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final List<Future<?>> loops = new ArrayList<>();

    private CommandLoad(final ApiClient api, final List<String> windowIds, final String queueWindowId,
                        final Ledger ledger, final int clients) {
        this.api = api;
        this.windowIds = List.copyOf(windowIds);
        this.queueWindowId = queueWindowId;
        this.ledger = ledger;
        this.settlements = new Settlements(api, ledger);
        this.bundles = new BundleClient(api, ledger, settlements);
        this.clients = Executors.newFixedThreadPool(clients);
    }

    /** @param queueWindowId a window of few seats, where one selection in six goes and waits in line if need be */
    static CommandLoad start(final ApiClient api, final List<String> windowIds, final String queueWindowId,
                             final Ledger ledger, final int clients, final long seed) {
        final CommandLoad load = new CommandLoad(api, windowIds, queueWindowId, ledger, clients);
        for (int client = 0; client < clients; client++) {
            final int id = client;
            load.loops.add(load.clients.submit(() -> load.run(id, new Random(seed + id))));
        }
        return load;
    }

    private void run(final int client, final Random random) {
        // each client keeps a few confirmed reservations and then cancels its oldest, so resources keep changing
        // hands instead of running out
        final Deque<Ledger.Expected> held = new ArrayDeque<>();
        for (int n = 0; running.get(); n++) {
            if (random.nextInt(8) == 0) { // a bundle of two, whose confirmed items the client keeps like its own
                bundles.run("b-" + client + "-" + n, windowIds, random).forEach(held::addLast);
                continue;
            }
            final String reservationId = "r-" + client + "-" + n;
            final boolean inLine = random.nextInt(6) == 0;
            final String windowId = inLine ? queueWindowId : windowIds.get(random.nextInt(windowIds.size()));
            final ApiClient.Answer created = settlements.answered(api.post("/reservations", "{\"id\":\""
                    + reservationId + "\",\"window_id\":\"" + windowId + "\"}", "create-" + reservationId));
            if (created.status() != 201) {
                ledger.violation("create " + reservationId + " answered " + created.status() + " " + created.body());
                continue;
            }
            ledger.expect(new Ledger.Expected(reservationId, windowId, ReservationStatus.PENDING, null));
            final LoadSelection selection = inLine ? LoadSelection.inLine(random) : LoadSelection.any(random);
            final boolean hold = selection.hold() != null;
            final ApiClient.Answer selected = settlements.answered(api.post(
                    "/reservations/" + reservationId + "/select-resource", selection.body(), "select-" + reservationId));
            if (selected.status() == 409 && ("no-resource-available".equals(selected.code())
                    || "selection-timeout".equals(selected.code()))) {
                continue; // still PENDING
            }
            final String status = selected.body().path("status").asString("");
            if (inLine && selected.status() == 200 && "WAITLISTED".equals(status)) {
                settlements.waiting(reservationId, windowId, random);
                continue;
            }
            final ReservationStatus wanted = hold ? ReservationStatus.HELD : ReservationStatus.CONFIRMED;
            if (selected.status() != 200 || !wanted.name().equals(status)) {
                ledger.violation("select " + reservationId + " answered " + selected.status() + " " + selected.body());
                continue;
            }
            final Ledger.Expected got = new Ledger.Expected(reservationId, windowId, wanted,
                    selected.body().path("selected_resource").path("id").asString());
            ledger.expect(got);
            final Ledger.Expected confirmed = hold ? settlements.settle(got, random.nextInt(3)) : got;
            if (confirmed == null) {
                continue;
            }
            if (random.nextInt(10) < 3) {
                settlements.cancel(confirmed);
            } else {
                held.addLast(confirmed);
                if (held.size() > HELD_PER_CLIENT) {
                    settlements.cancel(held.removeFirst());
                }
            }
        }
    }

    /** Lets every client finish the command it is on, then stops them; a client that failed fails this call. */
    @Override
    public void close() throws Exception {
        running.set(false);
        clients.shutdown();
        for (final Future<?> loop : loops) {
            loop.get(3, TimeUnit.MINUTES);
        }
    }

}
