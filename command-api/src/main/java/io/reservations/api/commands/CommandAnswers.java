package io.reservations.api.commands;

import io.reservations.api.errors.ApiException;
import io.reservations.api.errors.Problems;
import io.reservations.contract.Bundle;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ErrorCode;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The HTTP answer to a command's result, for the controllers: the entity on success, problem+json otherwise. */
public final class CommandAnswers {

    private CommandAnswers() {
    }

    /** Maps a result onto the contract's statuses: a rejection's code tells its status ({@link ErrorCode}). */
    public static ResponseEntity<Object> answer(final CommandResult result, final HttpStatus success, final URI location) {
        if (result.status() == CommandStatus.SUCCEEDED) {
            final ResponseEntity.BodyBuilder builder = ResponseEntity.status(success);
            if (location != null) {
                builder.location(location);
            }
            return builder.body(result.entity());
        }
        final ErrorCode code = ErrorCode.of(result.code()).orElse(null);
        if (code == null) { // a code this version does not know, from a newer processor
            return Problems.entity(new ApiException(HttpStatus.CONFLICT, result.code(), "The command was rejected: " + result.code()));
        }
        if (result.entity() instanceof Bundle rejected && rejected.failedReservationId() != null) {
            return Problems.entity(code, code.description(), Map.of("failed_reservation_id", rejected.failedReservationId()));
        }
        return Problems.entity(code, code.description());
    }
}
