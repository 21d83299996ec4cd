package io.reservations.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A state directory of a test driver's own: TopologyTestDriver's default ({@code /tmp/kafka-streams/<application id>})
 * is shared by every run on the machine, and one left by a run that was killed made the next run's drivers fail
 * (TaskCorruptedException, then a RocksDB lock held).
 */
public final class TestStateDirs {

    private TestStateDirs() {
    }

    public static String fresh() {
        try {
            return Files.createTempDirectory("topology-test").toString();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
