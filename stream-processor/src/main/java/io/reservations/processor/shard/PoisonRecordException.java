package io.reservations.processor.shard;

/** A record this master must not apply: it goes to the dead-letter topic and the partition moves on. */
final class PoisonRecordException extends RuntimeException {

    PoisonRecordException(final String message) {
        super(message);
    }

    PoisonRecordException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
