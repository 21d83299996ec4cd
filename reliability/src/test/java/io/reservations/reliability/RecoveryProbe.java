package io.reservations.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Measures how long after a fault commands for the affected partitions complete again: one create-reservation per
 * partition, sent at the fault and retried (same key, short waits) until its result is there.
 */
final class RecoveryProbe {

    private RecoveryProbe() {
    }

    static Duration measure(final ApiClient api, final List<Integer> partitions, final String windowId,
                            final String tag, final Instant faultAt) {
        final List<CompletableFuture<Instant>> probes = partitions.stream().map(partition -> CompletableFuture.supplyAsync(() -> {
            final String id = PoisonRecords.keyOn("probe-" + tag, partition, ReliabilityCluster.PARTITIONS);
            final ApiClient.Answer created = api.post("/reservations?wait_ms=250",
                    "{\"id\":\"" + id + "\",\"window_id\":\"" + windowId + "\"}", "probe-" + id);
            if (created.status() != 201) {
                throw new IllegalStateException("probe " + id + " answered " + created.status() + " " + created.body());
            }
            return Instant.now();
        })).toList();
        return probes.stream().map(CompletableFuture::join).max(Instant::compareTo)
                .map(last -> Duration.between(faultAt, last)).orElse(Duration.ZERO);
    }
}
