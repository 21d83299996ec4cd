package io.reservations.api.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reservations.api.errors.ApiException;
import io.reservations.contract.BundleCommand;
import io.reservations.contract.CommandResult;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.WindowCommand;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a command and tells what became of it: settled (its result), pending once the wait is over, or refused
 * for a reused idempotency key ({@link CommandOutcome}); a failure to publish fails the future with 503's
 * {@link ApiException}. No thread waits: the outcome is a future completed by {@link CommandResults}.
 */
@Component
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
public class CommandGateway {

    private static final Logger LOG = LoggerFactory.getLogger(CommandGateway.class);
    /** The 503 detail when a command could not be published. */
    static final String NOT_PUBLISHED = "The command could not be published to Kafka; retry shortly";

    private final KafkaTemplate<String, byte[]> template;
    private final CommandResults results;
    private final MeterRegistry meters;

    public CommandGateway(final KafkaTemplate<String, byte[]> template, final CommandResults results,
                          final MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
        this.results = results;
    }

    /** Publishes the command unless this key's request is known, and waits up to {@code wait} for its result. */
    public CompletableFuture<CommandOutcome> submit(final ReservationCommand command, final String requestedBy,
                                                    final Duration wait) {
        return submit(OutgoingCommand.of(command, requestedBy), wait);
    }

    public CompletableFuture<CommandOutcome> submit(final WindowCommand command, final String requestedBy,
                                                    final Duration wait) {
        return submit(OutgoingCommand.of(command, requestedBy), wait);
    }

    public CompletableFuture<CommandOutcome> submit(final BundleCommand command, final String requestedBy,
                                                    final Duration wait) {
        return submit(OutgoingCommand.of(command, requestedBy), wait);
    }

    CompletableFuture<CommandOutcome> submit(final OutgoingCommand command, final Duration wait) {
        final Timer.Sample sample = Timer.start(meters);
        return outcomeOf(command, wait).whenComplete((outcome, failure) -> sample.stop(Timer.builder(
                        "reservations.api.command.wait")
                .description("Time a command POST waited for what became of it, by outcome")
                .tag("topic", command.topic())
                .tag("outcome", outcome == null ? "failed" : name(outcome))
                .publishPercentileHistogram()
                .register(meters)));
    }

    private CompletableFuture<CommandOutcome> outcomeOf(final OutgoingCommand command, final Duration wait) {
        final String commandId = command.commandId();
        final CommandResult known = results.recent(commandId);
        if (known != null) {
            return CompletableFuture.completedFuture(settledOrReused(command, known));
        }
        final CommandResults.Accepted earlier = results.accepted(commandId);
        final String acceptedHash = earlier == null ? null : earlier.requestHash();
        if (acceptedHash != null && !acceptedHash.equals(nullToEmpty(command.requestHash()))) {
            return CompletableFuture.completedFuture(new CommandOutcome.KeyReused(commandId));
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
                        throw unavailable(failure);
                    }
                    if (arrived == null) {
                        results.forget(commandId, result);
                        return new CommandOutcome.Pending(commandId, wait);
                    }
                    return settledOrReused(command, arrived);
                });
    }

    private CompletableFuture<?> publish(final OutgoingCommand command) {
        MDC.put("command_id", command.commandId());
        MDC.put("entity_id", command.key());
        try {
            LOG.debug("Publishing a command to {}", command.topic());
            final Timer.Sample sample = Timer.start(meters);
            return template.send(new ProducerRecord<>(command.topic(), command.key(), command.value()))
                    .thenRun(() -> {
                        sample.stop(Timer.builder("reservations.api.command.publish")
                                .description("Time from publishing a command to the broker's acknowledgement")
                                .tag("topic", command.topic())
                                .register(meters));
                        results.accepted(command.commandId(), command.requestHash(), command.subject());
                    });
        } catch (final RuntimeException e) {
            // raised before sending (no metadata within max.block.ms, producer not created): Kafka is unavailable
            LOG.warn("Cannot publish a command to {}: {}", command.topic(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        } finally {
            MDC.remove("command_id");
            MDC.remove("entity_id");
        }
    }

    private static CommandOutcome settledOrReused(final OutgoingCommand command, final CommandResult result) {
        if (result.requestHash() != null && !result.requestHash().equals(command.requestHash())) {
            return new CommandOutcome.KeyReused(command.commandId());
        }
        return new CommandOutcome.Settled(result);
    }

    private static String name(final CommandOutcome outcome) {
        if (outcome instanceof CommandOutcome.Settled) {
            return "settled";
        }
        return outcome instanceof CommandOutcome.Pending ? "pending" : "key-reused";
    }

    private static ApiException unavailable(final Throwable failure) {
        return ApiException.causeOf(failure).orElseGet(() -> {
            // the cause stays in the log: Kafka's text names brokers and topics a client has no business seeing
            LOG.warn("A command could not be published: {}", failure.toString());
            return ApiException.unavailable(NOT_PUBLISHED);
        });
    }

    private static String nullToEmpty(final String value) {
        return value == null ? "" : value;
    }
}
