package io.reservations.api.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.api.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** What one client of a window's change stream is sent, and when it is dropped. */
class ChangeStreamTest {

    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    /** Every event sent, as its SSE text. */
    private final List<String> sent = new ArrayList<>();
    private boolean completed;
    private final SseEmitter emitter = new SseEmitter() {
        @Override
        public void send(final SseEventBuilder event) {
            sent.add(event.build().stream().map(part -> String.valueOf(part.getData())).collect(Collectors.joining()));
        }

        @Override
        public void complete() {
            completed = true;
        }
    };

    @Test
    void shouldSendTheWindowsEventsAfterItsCursorOnceWithTheirIds() {
        final ChangeStream stream = stream(new Caller("alice", false), new ChangeCursor(10, 3), Runnable::run);

        stream.offer(9, "w", 2, allocated("r0"), "alice"); // before the cursor: read again for another stream
        stream.offer(10, "w", 3, allocated("r1"), "alice"); // in the snapshot already
        stream.offer(11, "other", 1, allocated("r2"), "alice");
        stream.offer(12, "w", 4, allocated("r3"), "alice");
        stream.offer(12, "w", 4, allocated("r3"), "alice"); // the partition read again from an earlier offset

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("id:13-0").contains("event:ResourceAllocated").contains("\"reservation_id\":\"r3\"");
        assertThat(stream.cursor()).isEqualTo(new ChangeCursor(13, 0));
    }

    @Test
    void shouldHideTheReservationFromACallerWhoDoesNotOwnIt() {
        final ChangeStream stream = stream(new Caller("bob", false), new ChangeCursor(0, 0), Runnable::run);

        stream.offer(0, "w", 1, allocated("r1"), "alice");

        assertThat(sent.get(0)).contains("\"reservation_id\":null").doesNotContain("r1");
    }

    @Test
    void shouldDropAClientThatFallsBehindAndSendTheOthersOn() {
        final List<Runnable> stuck = new ArrayList<>(); // a client whose sends never run: it reads nothing
        final ChangeStream slow = stream(new Caller("alice", true), new ChangeCursor(0, 0), stuck::add);

        for (int offset = 0; offset <= ChangeStream.CAPACITY; offset++) {
            slow.offer(offset, "w", offset + 1, allocated("r" + offset), null);
        }
        stuck.forEach(Runnable::run);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("event:dropped");
        assertThat(completed).isTrue();
        assertThat(slow.closed()).isTrue();
    }

    @Test
    void shouldEndTheStreamOnceItsTokenExpired() {
        final ChangeStream stream = new ChangeStream(new WindowEventView("w", new Caller("alice", false)), 0,
                new ChangeCursor(0, 0), Instant.parse("2026-01-01T00:00:00Z"), emitter, Runnable::run);

        stream.keepAlive(Instant.parse("2025-12-31T23:59:59Z"));
        stream.keepAlive(Instant.parse("2026-01-01T00:00:01Z"));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).startsWith(":keep-alive");
        assertThat(sent.get(1)).contains("event:expired");
        assertThat(completed).isTrue();
    }

    private ChangeStream stream(final Caller caller, final ChangeCursor from, final Executor senders) {
        return new ChangeStream(new WindowEventView("w", caller), 0, from, LATER, emitter, senders);
    }

    private static byte[] allocated(final String reservationId) {
        return ("{\"type\":\"ResourceAllocated\",\"command_id\":\"c\",\"window_id\":\"w\",\"resource_id\":\"a\","
                + "\"resource_type\":\"seat\",\"reservation_id\":\"" + reservationId + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
