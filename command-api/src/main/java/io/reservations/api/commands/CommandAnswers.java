package io.reservations.api.commands;

import io.reservations.api.errors.ApiException;
import io.reservations.api.errors.ProblemHandler;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ErrorCodes;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The HTTP answer to a command's result, for the controllers: the entity on success, problem+json otherwise. */
public final class CommandAnswers {

    private CommandAnswers() {
    }

    /** Maps a result onto the contract's statuses: 404 for a missing reservation, 400 invalid, 409 for any other rejection. */
    public static ResponseEntity<Object> answer(final CommandResult result, final HttpStatus success, final URI location) {
        if (result.status() == CommandStatus.SUCCEEDED) {
            final ResponseEntity.BodyBuilder builder = ResponseEntity.status(success);
            if (location != null) {
                builder.location(location);
            }
            return builder.body(result.entity());
        }
        final HttpStatus status = switch (result.code()) {
            case ErrorCodes.RESERVATION_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ErrorCodes.INVALID -> HttpStatus.BAD_REQUEST; // what the processor refuses on the API's own rules
            default -> HttpStatus.CONFLICT;
        };
        return ProblemHandler.toResponse(new ApiException(status, result.code(), describe(result.code())));
    }

    private static String describe(final String code) {
        return switch (code) {
            case "window-exists" -> "A window with this id already exists";
            case "reservation-exists" -> "A reservation with this id already exists";
            case "reservation-not-found" -> "No reservation has this id";
            case "window-not-found" -> "The reservation's window does not exist";
            case "no-resource-available" -> "No resource of that type is available in the window";
            case "reservation-cancelled" -> "The reservation is cancelled";
            case "already-confirmed" -> "The reservation is already confirmed with a resource of another type";
            case "selection-in-progress" -> "Another selection for this reservation is in progress";
            case "invalid" -> "The processor refused the command as invalid";
            default -> "The command was rejected: " + code;
        };
    }
}
