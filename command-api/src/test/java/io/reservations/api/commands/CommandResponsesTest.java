package io.reservations.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Each outcome of a command becomes the contract's response. */
class CommandResponsesTest {

    @Test
    void shouldAnswerASettledCommandWithTheControllersAnswerToItsResult() {
        final CommandResult result = CommandResult.succeeded("c1", null);

        final ResponseEntity<Object> response = CommandResponses.response(new CommandOutcome.Settled(result),
                settled -> ResponseEntity.status(HttpStatus.CREATED).body("answer to " + settled.commandId()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).isEqualTo("answer to c1");
    }

    @Test
    void shouldAnswerAPendingCommandWith202AndItsLocation() {
        final ResponseEntity<Object> waited = CommandResponses.response(
                new CommandOutcome.Pending("c2", Duration.ofSeconds(5)), result -> null);
        final ResponseEntity<Object> async = CommandResponses.response(
                new CommandOutcome.Pending("c3", Duration.ZERO), result -> null);

        assertThat(waited.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(waited.getHeaders().getLocation()).isEqualTo(URI.create("/commands/c2"));
        assertThat(waited.getHeaders().containsHeader("Preference-Applied")).isFalse();
        assertThat(((CommandView) waited.getBody()).status()).isEqualTo(CommandStatus.PENDING);
        assertThat(async.getHeaders().getFirst("Preference-Applied")).isEqualTo("respond-async");
    }

    @Test
    void shouldRefuseAReusedKeyWith422() {
        final ResponseEntity<Object> response = CommandResponses.response(new CommandOutcome.KeyReused("c4"), result -> null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("code", "idempotency-key-reused");
    }
}
