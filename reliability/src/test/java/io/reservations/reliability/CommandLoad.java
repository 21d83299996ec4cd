package io.reservations.reliability;

import io.reservations.contract.ReservationStatus;
import java.time.Duration;
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
 * A steady stream of create, select-resource (some with a short hold), confirm and cancel commands from several
 * client threads. Each client walks its own reservations through their lives one command at a time, so the final
 * state each one must reach follows from the answers it got.
 */
final class CommandLoad implements AutoCloseable {

    private static final int HELD_PER_CLIENT = 6;
    /** Short enough that holds run out during the load, long enough that most confirms come in time. */
    private static final Duration HOLD = Duration.ofSeconds(4);

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
            // one in ten asks for a type no window has: the saga's rejection path; one in four asks for a short hold
            final int pick = random.nextInt(10);
            final String type = pick == 0 ? "lamp" : pick % 2 == 0 ? "seat" : "desk";
            final boolean hold = random.nextInt(4) == 0;
            final ApiClient.Answer selected = answered(api.post("/reservations/" + reservationId + "/select-resource",
                    "{\"resource_type\":\"" + type + "\"" + (hold ? ",\"hold_for\":\"" + HOLD + "\"" : "") + "}",
                    "select-" + reservationId));
            if (selected.status() == 409 && ("no-resource-available".equals(selected.code())
                    || "selection-timeout".equals(selected.code()))) {
                continue; // still PENDING
            }
            final ReservationStatus wanted = hold ? ReservationStatus.HELD : ReservationStatus.CONFIRMED;
            if (selected.status() != 200 || !wanted.name().equals(selected.body().path("status").asString(""))) {
                ledger.violation("select " + reservationId + " answered " + selected.status() + " " + selected.body());
                continue;
            }
            final Ledger.Expected got = new Ledger.Expected(reservationId, windowId, wanted,
                    selected.body().path("selected_resource").path("id").asString());
            ledger.expect(got);
            final Ledger.Expected confirmed = hold ? settle(got, random.nextInt(3)) : got;
            if (confirmed == null) {
                continue;
            }
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

    /**
     * A hold is left to run out (0), confirmed (1) or cancelled (2); a confirm or cancel may come too late, and then
     * {@code hold-expired} is the right answer. Returns the confirmed reservation, or null.
     */
    private Ledger.Expected settle(final Ledger.Expected held, final int choice) {
        final String reservationId = held.reservationId();
        final Ledger.Expected expired = new Ledger.Expected(reservationId, held.windowId(), ReservationStatus.EXPIRED, null);
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
