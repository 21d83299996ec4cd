package io.reservations.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ErrorCode;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CommandResultsTest {

    private final CommandResults results = new CommandResults(1024 * 1024, 100);

    @Test
    void shouldAwaitOnlyTheCommandsARequestWaitsForOrThisInstancePublished() {
        final CompletableFuture<CommandResult> waiting = results.await("waited");
        results.accepted("published", "digest", "alice");

        assertThat(results.awaited("waited")).isTrue();
        assertThat(results.awaited("published")).as("a late GET /commands/{id} here").isTrue();
        assertThat(results.awaited("another-instances")).isFalse();

        results.deliver(CommandResult.rejected("waited", ErrorCode.NO_RESOURCE_AVAILABLE.slug()));
        assertThat(waiting).isCompletedWithValue(CommandResult.rejected("waited", ErrorCode.NO_RESOURCE_AVAILABLE.slug()));
        assertThat(results.awaited("waited")).as("settled, and never published here").isFalse();
    }

    @Test
    void shouldStillAwaitACommandWhoseRequestGaveUpWaitingOnceItWasPublished() {
        final CompletableFuture<CommandResult> waiting = results.await("slow");
        results.accepted("slow", "", "alice");
        results.forget("slow", waiting);

        assertThat(results.awaited("slow")).isTrue();
        results.deliver(CommandResult.rejected("slow", ErrorCode.SELECTION_TIMEOUT.slug()));
        assertThat(results.recent("slow")).isNotNull();
    }
}
