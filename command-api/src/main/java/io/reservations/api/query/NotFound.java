package io.reservations.api.query;

import io.reservations.contract.ErrorCode;

/** The 404 a read answers when its entity does not exist, or the caller may not see it. */
public record NotFound(ErrorCode code, String detail) {
}
