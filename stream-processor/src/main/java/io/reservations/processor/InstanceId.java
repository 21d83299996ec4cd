package io.reservations.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The static group member id of a processor instance. Unless configured, it is created once and kept in the
 * instance's state directory: stable across restarts, and unique because two instances never share a state
 * directory.
 */
final class InstanceId {

    private static final String FILE = "instance-id";

    private InstanceId() {
    }

    static String of(final ProcessorSettings settings) {
        if (settings.instanceId() != null && !settings.instanceId().isBlank()) {
            return settings.instanceId();
        }
        final Path file = settings.stateDir().resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(settings.stateDir());
            final String id = settings.applicationId() + "-" + UUID.randomUUID();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot keep the instance id in " + file, e);
        }
    }
}
