package io.reservations.processor.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for the brokers and services the tests start. They come from below Linux's ephemeral range
 * (32768 and up), so the outgoing connections of the running processes cannot take one between the pick and the
 * bind, and none is handed out twice in a JVM (a port picked for a broker is bound only once the broker starts).
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int BELOW_EPHEMERAL = 32_768;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static int take() {
        return take(1);
    }

    /** The first of two consecutive free ports (the local broker's controller listens on port + 1). */
    public static int takePair() {
        return take(2);
    }

    private static synchronized int take(final int consecutive) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            final int first = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL - consecutive + 1);
            boolean free = true;
            for (int port = first; port < first + consecutive; port++) {
                free &= !HANDED_OUT.contains(port) && bindable(port);
            }
            if (free) {
                for (int port = first; port < first + consecutive; port++) {
                    HANDED_OUT.add(port);
                }
                return first;
            }
        }
        throw new IllegalStateException("No " + consecutive + " free port(s) between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }

    private static boolean bindable(final int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (final IOException taken) {
            return false;
        }
    }
}
