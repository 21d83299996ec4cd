package io.reservations.queries;

/**
 * This instance cannot read a partition now: it is not held here, is being restored or moved, or the processor is
 * not running. A moment later another answer may come; the reader answers 503 or goes on elsewhere.
 */
public final class PartitionUnavailable extends RuntimeException {

    public PartitionUnavailable(final String message, final Throwable cause) {
        super(message, cause);
    }
}
