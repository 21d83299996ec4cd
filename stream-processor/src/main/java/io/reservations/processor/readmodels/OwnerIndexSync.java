package io.reservations.processor.readmodels;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes for listings, without writing anything. The owner index trails a reservation's change by one
 * exactly-once hop: the change is committed to the owner-index topic with the command's result, and indexed when
 * the index's task reads it. Before a listing reads a partition of the index, it asks the broker for that
 * partition's end (the high watermark, {@link IndexEnds}) and waits until the index's read_committed consumer has
 * read past it ({@link #polled}) and its task has processed every record that consumer returned
 * ({@link #processed}): every transaction that wrote there before the listing is then settled and, if committed,
 * in the store (every change whose result a client already has). Positions count transaction markers, which no
 * processor sees; that is why both are needed.
 */
public final class OwnerIndexSync {

    /** The header of the markers earlier versions appended to the topic: still skipped by the index. */
    public static final String MARKER_HEADER = "index_sync";

    /** The end of a partition of the owner-index topic, open transactions' records included, from the broker. */
    @FunctionalInterface
    public interface Ends {
        long of(int partition) throws Exception;
    }

    /** Where the index has got to in one partition; -1: nothing yet. */
    private record Progress(long position, long lastReturned, long processed) {

        boolean reached(final long end) {
            return position >= end && processed >= lastReturned;
        }
    }

    private record Waiter(long end, CompletableFuture<Void> reached) {
    }

    private static final Progress NOTHING_YET = new Progress(-1, -1, -1);

    private final Ends ends;
    private final Duration timeout;
    private final Map<Integer, Progress> progress = new ConcurrentHashMap<>();
    private final Map<Integer, Queue<Waiter>> waiting = new ConcurrentHashMap<>();
    private final Timer reached;
    private final Timer timedOut;

    public OwnerIndexSync(final Ends ends, final Duration timeout, final MeterRegistry meters) {
        this.ends = ends;
        this.timeout = timeout;
        this.reached = timer(meters, "reached");
        this.timedOut = timer(meters, "timeout");
    }

    /** No waiting: a listing reads what the index holds (tests of one topology, tools). */
    public static OwnerIndexSync none(final MeterRegistry meters) {
        return new OwnerIndexSync(null, Duration.ZERO, meters);
    }

    /**
     * Waits until the index's task on this instance has processed everything committed to {@code partition} of its
     * topic before now; false when that took longer than the timeout (the read then sees what the index holds).
     */
    public boolean awaitPartition(final int partition) {
        if (ends == null) {
            return true;
        }
        final long start = System.nanoTime();
        CompletableFuture<Void> reaching = null;
        try {
            reaching = reaching(partition, ends.of(partition));
            reaching.get(timeout.toNanos() - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
            reached.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return true;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (final Exception e) { // the broker's answer, or the index, not in time
            timedOut.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return false;
        } finally {
            forget(partition, reaching);
        }
    }

    private void forget(final int partition, final CompletableFuture<Void> reaching) {
        final Queue<Waiter> waiters = waiting.get(partition);
        if (reaching != null && waiters != null) {
            waiters.removeIf(waiter -> waiter.reached() == reaching);
        }
    }

    /** Completes once the index has processed everything before {@code end} in {@code partition}. */
    CompletableFuture<Void> reaching(final int partition, final long end) {
        final CompletableFuture<Void> reaching = new CompletableFuture<>();
        waiting.computeIfAbsent(partition, p -> new ConcurrentLinkedQueue<>()).add(new Waiter(end, reaching));
        wake(partition); // it may be there already
        return reaching;
    }

    /**
     * After each poll of the index's consumer, for each partition of the topic it holds.
     *
     * @param position     the consumer's position: everything before it was returned, or was a marker
     * @param lastReturned the offset of the last record this poll returned for the partition; -1: none
     */
    public void polled(final int partition, final long position, final long lastReturned) {
        progress.compute(partition, (p, before) -> {
            final Progress known = before == null ? NOTHING_YET : before;
            return new Progress(position, Math.max(known.lastReturned(), lastReturned), known.processed());
        });
        wake(partition);
    }

    /** The index's task processed the record at {@code offset} of {@code partition}. */
    void processed(final int partition, final long offset) {
        progress.compute(partition, (p, before) -> {
            final Progress known = before == null ? NOTHING_YET : before;
            return new Progress(known.position(), known.lastReturned(), Math.max(known.processed(), offset));
        });
        wake(partition);
    }

    private void wake(final int partition) {
        final Queue<Waiter> waiters = waiting.get(partition);
        if (waiters == null || waiters.isEmpty()) {
            return;
        }
        final Progress now = progress.getOrDefault(partition, NOTHING_YET);
        for (final Waiter waiter : waiters) {
            if (now.reached(waiter.end())) {
                waiter.reached().complete(null);
                waiters.remove(waiter);
            }
        }
    }

    private static Timer timer(final MeterRegistry meters, final String outcome) {
        return Timer.builder("reservations.listings.index_sync")
                .description("How long a listing waited for the owner index to read everything committed before it")
                .tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(meters);
    }
}
