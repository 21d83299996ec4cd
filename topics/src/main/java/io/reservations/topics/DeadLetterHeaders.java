package io.reservations.topics;

/** Headers a dead-lettered record carries next to its original key, value and headers. */
public final class DeadLetterHeaders {

    public static final String ERROR = "dlq.error";
    public static final String ERROR_CLASS = "dlq.error.class";
    public static final String TOPIC = "dlq.source.topic";
    public static final String PARTITION = "dlq.source.partition";
    public static final String OFFSET = "dlq.source.offset";

    private DeadLetterHeaders() {
    }
}
