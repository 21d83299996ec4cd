package io.reservations.api.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.api.errors.ProblemCodes;
import io.reservations.api.errors.ProblemHandler;
import io.reservations.contract.CommandResult;
import io.reservations.contract.CommandStatus;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.WindowCommand;
import io.reservations.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a command and answers with its result, or with 202 and a link to the command once the wait is over.
 * No thread waits: the answer is a future completed by {@link CommandResults}.
 */
@Component
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class CommandGateway {

    private static final Logger LOG = LoggerFactory.getLogger(CommandGateway.class);

    private final KafkaTemplate<String, byte[]> template;
    private final CommandResults results;
    private final ReservationsProperties.Api settings;
    private final MeterRegistry meters;

    public CommandGateway(final KafkaTemplate<String, byte[]> template, final CommandResults results,
                          final ReservationsProperties properties, final MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
        this.results = results;
        this.settings = properties.api();
    }

    /** How long the client is willing to wait: {@code ?wait_ms=} and {@code Prefer: respond-async}. */
    Duration waitFor(final Long waitMs, final String prefer) {
        if (prefer != null && prefer.toLowerCase().contains("respond-async")) {
            return Duration.ZERO;
        }
        if (waitMs == null) {
            return settings.defaultWait();
        }
        if (waitMs < 0 || waitMs > settings.maxWait().toMillis()) {
            throw ApiException.invalid("wait_ms must be between 0 and " + settings.maxWait().toMillis());
        }
        return Duration.ofMillis(waitMs);
    }

    public CompletableFuture<ResponseEntity<Object>> submit(final ReservationCommand command, final CommandEnvelope envelope,
                                                            final Long waitMs, final String prefer,
                                                            final Function<CommandResult, ResponseEntity<Object>> answer) {
        final Duration wait = waitFor(waitMs, prefer);
        return submit(new OutgoingCommand(Topics.RESERVATION_COMMANDS.name(), command.reservationId(), command.commandId(),
                command.requestHash(), Topics.RESERVATION_COMMANDS.valueSerde().serializer()
                        .serialize(Topics.RESERVATION_COMMANDS.name(), command), envelope.caller().subject()), wait, answer);
    }

    public CompletableFuture<ResponseEntity<Object>> submit(final WindowCommand command, final CommandEnvelope envelope,
                                                            final Long waitMs, final String prefer,
                                                            final Function<CommandResult, ResponseEntity<Object>> answer) {
        final Duration wait = waitFor(waitMs, prefer);
        return submit(new OutgoingCommand(Topics.WINDOW_COMMANDS.name(), command.windowId(), command.commandId(),
                command.requestHash(), Topics.WINDOW_COMMANDS.valueSerde().serializer()
                        .serialize(Topics.WINDOW_COMMANDS.name(), command), envelope.caller().subject()), wait, answer);
    }

    CompletableFuture<ResponseEntity<Object>> submit(final OutgoingCommand command, final Duration wait,
                                                            final Function<CommandResult, ResponseEntity<Object>> answer) {
        final Timer.Sample sample = Timer.start(meters);
        return answerFor(command, wait, answer).whenComplete((response, failure) -> sample.stop(Timer.builder(
                        "reservations.api.command.wait")
                .description("Time a command POST waited for its answer, by HTTP status")
                .tag("topic", command.topic())
                .tag("status", response == null ? "error" : Integer.toString(response.getStatusCode().value()))
                .publishPercentileHistogram()
                .register(meters)));
    }

    private CompletableFuture<ResponseEntity<Object>> answerFor(final OutgoingCommand command, final Duration wait,
                                                                final Function<CommandResult, ResponseEntity<Object>> answer) {
        final String commandId = command.commandId();
        final CommandResult known = results.recent(commandId);
        if (known != null) {
            return CompletableFuture.completedFuture(answerOrReuse(command, known, answer));
        }
        final CommandResults.Accepted earlier = results.accepted(commandId);
        final String acceptedHash = earlier == null ? null : earlier.requestHash();
        if (acceptedHash != null && !acceptedHash.equals(nullToEmpty(command.requestHash()))) {
            return CompletableFuture.completedFuture(reused(commandId));
        }
        final CompletableFuture<CommandResult> result = results.await(commandId);
        final CompletableFuture<?> published = acceptedHash != null
                ? CompletableFuture.completedFuture(null) // same request already accepted here: just wait with it
                : publish(command);
        return published
                .thenCompose(sent -> result.copy().completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS))
                .handle((arrived, failure) -> {
                    if (failure != null) {
                        results.forget(commandId, result);
                        return ProblemHandler.toResponse(unwrap(failure));
                    }
                    if (arrived == null) {
                        results.forget(commandId, result);
                        return accepted(commandId, wait.isZero());
                    }
                    return answerOrReuse(command, arrived, answer);
                });
    }

    private CompletableFuture<?> publish(final OutgoingCommand command) {
        MDC.put("command_id", command.commandId());
        MDC.put("entity_id", command.key());
        try {
            LOG.debug("Publishing a command to {}", command.topic());
            return template.send(new ProducerRecord<>(command.topic(), command.key(), command.value()))
                    .thenRun(() -> results.accepted(command.commandId(), command.requestHash(), command.subject()));
        } catch (final RuntimeException e) {
            // raised before sending (no metadata within max.block.ms, producer not created): Kafka is unavailable
            LOG.warn("Cannot publish a command to {}: {}", command.topic(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        } finally {
            MDC.remove("command_id");
            MDC.remove("entity_id");
        }
    }

    private static ResponseEntity<Object> answerOrReuse(final OutgoingCommand command, final CommandResult result,
                                                        final Function<CommandResult, ResponseEntity<Object>> answer) {
        if (result.requestHash() != null && !result.requestHash().equals(command.requestHash())) {
            return reused(command.commandId());
        }
        return answer.apply(result);
    }

    private static ResponseEntity<Object> reused(final String commandId) {
        return ProblemHandler.toResponse(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                "Idempotency-Key '" + commandId + "' was already used for a different request"));
    }

    private static ResponseEntity<Object> accepted(final String commandId, final boolean asyncPreferred) {
        final ResponseEntity.BodyBuilder builder = ResponseEntity.accepted().location(URI.create("/commands/" + commandId));
        if (asyncPreferred) {
            builder.header("Preference-Applied", "respond-async");
        }
        return builder.body(new CommandView(commandId, CommandStatus.PENDING, null, null));
    }

    private static ApiException unwrap(final Throwable failure) {
        final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            return api;
        }
        // the cause stays in the log: Kafka's text names brokers and topics a client has no business seeing
        LOG.warn("A command could not be published: {}", cause.toString());
        return ApiException.unavailable("The command could not be published to Kafka; retry shortly");
    }

    private static String nullToEmpty(final String value) {
        return value == null ? "" : value;
    }
}
