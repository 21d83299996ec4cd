package io.reservations.reliability;

import java.time.Duration;
import java.util.Random;

/**
 * What one select-resource of the load asks for: a type, a short hold or none, and whether it waits in the window's
 * line when nothing of the type is free (for one minute, or for 30 days so that some still wait when the load ends).
 */
record LoadSelection(String type, Duration hold, boolean waitlist, String waitlistFor) {

    /** Short enough that holds run out during the load, long enough that most confirms come in time. */
    static final Duration HOLD = Duration.ofSeconds(4);

    /** One in ten asks for a type no window has (the saga's rejection path); one in four for a short hold. */
    static LoadSelection any(final Random random) {
        final int pick = random.nextInt(10);
        final String type = pick == 0 ? "lamp" : pick % 2 == 0 ? "seat" : "desk";
        return new LoadSelection(type, random.nextInt(4) == 0 ? HOLD : null, false, null);
    }

    /**
     * A seat of the small queue window, in line if need be, held when it gets it: a hold promoted from the line and
     * left alone runs out and frees the seat for the next in line, so the lines keep moving.
     */
    static LoadSelection inLine(final Random random) {
        return new LoadSelection("seat", HOLD, true, random.nextInt(4) == 0 ? "P30D" : "PT1M");
    }

    String body() {
        return "{\"resource_type\":\"" + type + "\"" + (hold == null ? "" : ",\"hold_for\":\"" + hold + "\"")
                + (waitlist ? ",\"waitlist\":true,\"waitlist_for\":\"" + waitlistFor + "\"" : "") + "}";
    }
}
