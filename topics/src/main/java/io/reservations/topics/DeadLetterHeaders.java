package io.reservations.topics;

/** Headers a dead-lettered record carries next to its original key, value and headers. */
public final class DeadLetterHeaders {

    /** What every one of them starts with: a resubmit leaves them behind. */
    public static final String PREFIX = "dlq.";

    public static final String ERROR = "dlq.error";
    public static final String ERROR_CLASS = "dlq.error.class";
    public static final String TOPIC = "dlq.source.topic";
    public static final String PARTITION = "dlq.source.partition";
    public static final String OFFSET = "dlq.source.offset";

    private DeadLetterHeaders() {
    }
}
