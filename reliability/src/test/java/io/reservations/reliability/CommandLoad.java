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
 * A steady stream of create, select-resource and cancel commands from several client threads. Each client walks
 * its own reservations through their lives one command at a time, so the final state each one must reach follows
 * from the answers it got.
 */
final class CommandLoad implements AutoCloseable {

    private static final int HELD_PER_CLIENT = 6;

    private final ApiClient api;
    private final List<String> windowIds;
    private final Ledger ledger;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final List<Future<?>> loops = new ArrayList<>();

    private CommandLoad(final ApiClient api, final List<String> windowIds, final Ledger ledger, final int clients) {
        this.api = api;
        this.windowIds = List.copyOf(windowIds);
        this.ledger = ledger;
        this.clients = Executors.newFixedThreadPool(clients);
    }

    static CommandLoad start(final ApiClient api, final List<String> windowIds, final Ledger ledger, final int clients,
                             final long seed) {
        final CommandLoad load = new CommandLoad(api, windowIds, ledger, clients);
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
            final String reservationId = "r-" + client + "-" + n;
            final String windowId = windowIds.get(random.nextInt(windowIds.size()));
            final ApiClient.Answer created = answered(api.post("/reservations",
                    "{\"id\":\"" + reservationId + "\",\"window_id\":\"" + windowId + "\"}", "create-" + reservationId));
            if (created.status() != 201) {
                ledger.violation("create " + reservationId + " answered " + created.status() + " " + created.body());
                continue;
            }
            ledger.expect(new Ledger.Expected(reservationId, windowId, ReservationStatus.PENDING, null));
            // one in ten asks for a type no window has: the saga's rejection path
            final int pick = random.nextInt(10);
            final String type = pick == 0 ? "lamp" : pick % 2 == 0 ? "seat" : "desk";
            final ApiClient.Answer selected = answered(api.post("/reservations/" + reservationId + "/select-resource",
                    "{\"resource_type\":\"" + type + "\"}", "select-" + reservationId));
            if (selected.status() == 409 && "no-resource-available".equals(selected.code())) {
                continue;
            }
            if (selected.status() != 200 || !"CONFIRMED".equals(selected.body().path("status").asString(""))) {
                ledger.violation("select " + reservationId + " answered " + selected.status() + " " + selected.body());
                continue;
            }
            final Ledger.Expected confirmed = new Ledger.Expected(reservationId, windowId, ReservationStatus.CONFIRMED,
                    selected.body().path("selected_resource").path("id").asString());
            ledger.expect(confirmed);
            if (random.nextInt(10) < 3) {
                cancel(confirmed);
            } else {
                held.addLast(confirmed);
                if (held.size() > HELD_PER_CLIENT) {
                    cancel(held.removeFirst());
                }
            }
        }
    }

    private void cancel(final Ledger.Expected confirmed) {
        final String reservationId = confirmed.reservationId();
        final ApiClient.Answer cancelled = answered(api.post("/reservations/" + reservationId + "/cancel", "{}",
                "cancel-" + reservationId));
        if (cancelled.status() != 200 || !"CANCELLED".equals(cancelled.body().path("status").asString(""))) {
            ledger.violation("cancel " + reservationId + " answered " + cancelled.status() + " " + cancelled.body());
            return;
        }
        ledger.expect(new Ledger.Expected(reservationId, confirmed.windowId(), ReservationStatus.CANCELLED, null));
    }

    private ApiClient.Answer answered(final ApiClient.Answer answer) {
        ledger.answered(answer);
        return answer;
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
