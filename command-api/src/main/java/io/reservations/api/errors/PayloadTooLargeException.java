package io.reservations.api.errors;

import java.io.IOException;

/** Raised while reading a body that grows past the limit (bodies without Content-Length are counted). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(final long limit) {
        super("The request body exceeds " + limit + " bytes");
    }
}
